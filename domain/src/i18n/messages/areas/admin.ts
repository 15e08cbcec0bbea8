/**
 * Statistics (/admin): a centre's day in numbers. One file per area so each part of the product edits only its own messages; zh-CN.ts
 * and en.ts spread these in. English must name every Chinese key (the type checks it).
 */
export const adminZhCN = {
} as const;

export const adminEn: Record<keyof typeof adminZhCN, string> = {
};
