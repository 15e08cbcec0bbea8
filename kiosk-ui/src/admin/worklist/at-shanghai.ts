import { shanghaiDateTime } from '@eldercare/domain';

/** An instant from the API as officers read it: Shanghai time, "YYYY-MM-DD HH:mm". */
export const atShanghai = (iso: string): string => shanghaiDateTime(new Date(iso));
