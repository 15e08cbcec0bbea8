import { progressPart, type ApplicationProgress, type ProgressResponse } from '@eldercare/domain';

/**
 * Progress answers built with the domain's own progressPart, the way the server builds them:
 * `count` applications of one senior, newest first, each with one part.
 */
export const PROGRESS_TODAY = '2026-10-12';

export function progressResponse(count: number): ProgressResponse {
  const applications = Array.from({ length: count }, (_, i): ApplicationProgress => {
    const submittedOn = `2026-09-${String(28 - i).padStart(2, '0')}`;
    return {
      applicationNo: `YL${submittedOn.replaceAll('-', '')}00000${i + 1}`,
      serviceKey: 'senior-card',
      serviceName: { zh: '敬老卡申领', en: 'Senior card' },
      status: 'submitted',
      submittedOn,
      applicantNameMasked: '李*英',
      parts: [
        progressPart(
          { partNo: 1, serviceKey: 'senior-card', department: 'civil-affairs', departmentName: { zh: '民政部门', en: 'Civil affairs bureau' }, kind: 'review', status: 'accepted' },
          [{ on: submittedOn, status: 'submitted' }, { on: '2026-09-30', status: 'accepted' }],
          submittedOn,
          PROGRESS_TODAY,
        ),
      ],
    };
  });
  return { asOf: PROGRESS_TODAY, applications };
}
