import { DomainError } from '@eldercare/domain';

export type AgentConfigErrorCode = 'AGENT_HOST_NOT_LOOPBACK' | 'AGENT_CONFIG_INVALID';

/** One thing wrong with a config: the dotted key (e.g. printers.receipt.address) and what it should be. */
export interface AgentConfigIssue {
  path: string;
  message: string;
}

export class AgentConfigError extends DomainError {
  constructor(
    code: AgentConfigErrorCode,
    message: string,
    /** Every problem found, each naming its key; the message lists them too. */
    readonly issues: AgentConfigIssue[] = [],
  ) {
    super(code, message);
  }

  static fromIssues(issues: AgentConfigIssue[], source?: string): AgentConfigError {
    const code = issues.some((i) => i.path === 'api.host') ? 'AGENT_HOST_NOT_LOOPBACK' : 'AGENT_CONFIG_INVALID';
    const lines = issues.map((i) => `${i.path || '(top level)'}: ${i.message}`);
    return new AgentConfigError(code, `${source ? `${source}: ` : ''}${lines.join('; ')}`, issues);
  }
}
