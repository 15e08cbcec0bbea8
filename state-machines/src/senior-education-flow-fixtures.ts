import type { EducationCatalogue } from '@eldercare/domain';

/** Tests only: a school with an open and a full course, a school without courses, one subject. */
export const MODEL_CATALOGUE: EducationCatalogue = {
  institutions: [
    { id: 'school', kind: 'senior-university', name: { zh: '老年大学', en: 'Senior university' }, address: { zh: '天平路', en: 'Tianping Rd' } },
    { id: 'empty-school', kind: 'community-school', name: { zh: '社区学校', en: 'Community school' }, address: { zh: '湖南路', en: 'Hunan Rd' } },
  ],
  courses: [
    { id: 'open-course', institutionId: 'school', title: { zh: '书法', en: 'Calligraphy' }, weekday: 1, startsAt: '09:00', endsAt: '11:00', term: { zh: '春季', en: 'Spring' }, capacity: 30, seatsLeft: 3 },
    { id: 'full-course', institutionId: 'school', title: { zh: '太极拳', en: 'Tai chi' }, weekday: 5, startsAt: '08:30', endsAt: '10:00', term: { zh: '春季', en: 'Spring' }, capacity: 40, seatsLeft: 0 },
  ],
  subjects: [{ key: 'calligraphy', name: { zh: '书法', en: 'Calligraphy' } }],
};
