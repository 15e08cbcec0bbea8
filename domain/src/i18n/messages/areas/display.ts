/**
 * Call display (/display): the hall screen and its spoken calls. One file per area so each part of the product edits only its own messages; zh-CN.ts
 * and en.ts spread these in. English must name every Chinese key (the type checks it).
 */
export const displayZhCN = {
} as const;

export const displayEn: Record<keyof typeof displayZhCN, string> = {
};
