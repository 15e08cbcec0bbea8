import { ApiError } from '../errors/api-error';

/** A supervisor asked for another centre's statistics (officers may see every centre). */
export class StatisticsCentreForbiddenError extends ApiError {
  constructor(centreId: string) {
    super('STATISTICS_CENTRE_FORBIDDEN', 403, `Only the statistics of the supervisor's own centre, not ${centreId}`);
  }
}
