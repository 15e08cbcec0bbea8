/**
 * Kiosk 取号: taking a queue ticket and the printed ticket. One file per area so each part of the product edits only its own messages; zh-CN.ts
 * and en.ts spread these in. English must name every Chinese key (the type checks it).
 */
export const queueTicketZhCN = {
} as const;

export const queueTicketEn: Record<keyof typeof queueTicketZhCN, string> = {
};
