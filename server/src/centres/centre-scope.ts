/**
 * Which centre's rows a staff member sees. Staff and supervisors belong to one community service
 * centre and see its rows, plus rows tied to no centre (an application whose kiosk named no known
 * centre, an audit row of no centre): those must not be lost, so every centre sees them. A staff
 * member without a centre (an officer, or an account set up for the whole district) is not
 * narrowed.
 */
export type CentreScope = { centreId: string } | null;

export function centreScopeOf(viewer: { centreId: string | null }): CentreScope {
  return viewer.centreId === null ? null : { centreId: viewer.centreId };
}

/**
 * The SQL condition on `column` for a scope, using `$param` for the centre id (the caller
 * passes `scope.centreId` there), or null when nothing is narrowed.
 */
export function centreCondition(column: string, scope: CentreScope, param: number): string | null {
  return scope === null ? null : `(${column} = $${param} OR ${column} IS NULL)`;
}

/** The same rule for one row already read. */
export function inCentreScope(rowCentreId: string | null, scope: CentreScope): boolean {
  return scope === null || rowCentreId === null || rowCentreId === scope.centreId;
}
