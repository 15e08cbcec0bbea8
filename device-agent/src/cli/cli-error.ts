import { DomainError } from '@eldercare/domain';

export type CliErrorCode = 'CLI_USAGE' | 'CLI_NO_DEVICE' | 'CLI_NO_CARD' | 'CLI_DEVICE_FAULT' | 'CLI_AGENT_NOT_RUNNING' | 'CLI_AGENT_REFUSED';

/** Exit codes a script can tell apart. */
export const EXIT_CODES: Record<CliErrorCode, number> = {
  CLI_USAGE: 2,
  CLI_NO_DEVICE: 3,
  CLI_NO_CARD: 4,
  CLI_DEVICE_FAULT: 5,
  CLI_AGENT_NOT_RUNNING: 6,
  CLI_AGENT_REFUSED: 7,
};

export class CliError extends DomainError {
  constructor(
    code: CliErrorCode,
    message: string,
  ) {
    super(code, message);
  }

  get exitCode(): number {
    return EXIT_CODES[this.code as CliErrorCode];
  }
}
