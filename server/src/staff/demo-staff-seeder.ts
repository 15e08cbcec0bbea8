import { randomBytes } from 'node:crypto';
import { appendFile, chmod, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DepartmentKey, StaffRole } from '@eldercare/domain';
import { DEMO_CENTRE_ID } from '../queue/demo-queue-centre';
import type { StaffAccounts } from './staff-accounts';

/** Inside the data folder. */
export const DEMO_STAFF_PASSWORDS_FILE = 'demo-staff-passwords.txt';

export const DEMO_STAFF: ReadonlyArray<{
  username: string;
  displayName: string;
  role: StaffRole;
  centreId: string | null;
  /** Officers only: the department whose parts they work (分别办理). */
  department?: DepartmentKey;
}> = [
  { username: 'window1', displayName: '1 号窗口', role: 'staff', centreId: DEMO_CENTRE_ID },
  { username: 'window2', displayName: '2 号窗口', role: 'staff', centreId: DEMO_CENTRE_ID },
  { username: 'supervisor', displayName: '值班主管', role: 'supervisor', centreId: DEMO_CENTRE_ID },
  { username: 'technician', displayName: '运维技术员', role: 'technician', centreId: DEMO_CENTRE_ID },
  // The first officer account; civil affairs, so that department has two officers sharing one worklist.
  { username: 'officer', displayName: '民政经办人', role: 'officer', centreId: null, department: 'civil-affairs' },
  // One officer per department the services route parts to.
  { username: 'officer-mi', displayName: '医保经办人', role: 'officer', centreId: null, department: 'medical-insurance' },
  { username: 'officer-so', displayName: '街镇经办人', role: 'officer', centreId: null, department: 'street-office' },
  { username: 'officer-ca', displayName: '民政审核员', role: 'officer', centreId: null, department: 'civil-affairs' },
  { username: 'officer-ed', displayName: '教委经办人', role: 'officer', centreId: null, department: 'education' },
  { username: 'officer-tr', displayName: '交通委经办人', role: 'officer', centreId: null, department: 'transport' },
  { username: 'officer-sp', displayName: '体育局经办人', role: 'officer', centreId: null, department: 'sports' },
  { username: 'officer-bk', displayName: '敬老卡合作银行经办人', role: 'officer', centreId: null, department: 'bank' },
];

/**
 * Creates the demo accounts that do not exist yet, each with its own random password, appended to
 * `passwordsFile` (mode 0600). No password is ever fixed in the code or printed. Several instances
 * starting at once: only the one whose insert wins writes that account's line.
 */
export async function seedDemoStaff(accounts: StaffAccounts, passwordsFile: string): Promise<string[]> {
  const created: string[] = [];
  for (const demo of DEMO_STAFF) {
    const password = randomBytes(12).toString('base64url');
    const user = await accounts.add({ ...demo, password }, { ifAbsent: true });
    if (!user) continue;
    await mkdir(dirname(passwordsFile), { recursive: true });
    await appendFile(passwordsFile, `${demo.username}\t${demo.role}\t${password}\n`, { mode: 0o600 });
    await chmod(passwordsFile, 0o600);
    created.push(demo.username);
  }
  return created;
}
