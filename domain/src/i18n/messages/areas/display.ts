/**
 * Call display (/display): the hall screen and its spoken calls. One file per area so each part of the product edits only its own messages; zh-CN.ts
 * and en.ts spread these in. English must name every Chinese key (the type checks it).
 */
export const displayZhCN = {
  'display.title': '叫号显示',
  'display.nowCalling': '请到窗口办理',
  'display.counter': '{counterNumber}号窗口',
  'display.recall': '再次呼叫',
  'display.noCallYet': '请留意叫号',
  'display.recentCalls': '最近叫号',
  'display.waiting': '等候人数',
  'display.waitingCount': '{count}人',
  'display.reconnecting': '正在重新连接…',
  'display.enableSound': '开启声音',
  'display.enableSoundHint': '点击任意处开启叫号声音',
  'display.noCentre': '请在地址中指定服务中心，例如 /display/?centre=xuhui-tianping',
  'display.centreNotFound': '找不到服务中心 {centreId}',
  'display.privacyNote': '本屏幕只显示号码，不显示个人信息',
  /** What the hall hears (and the aria-live region holds): the ticket as printed, the counter as a number. */
  'display.call.text': '请{ticketNo}号到{counterNumber}号窗口办理',
  /** What a zh-CN system voice reads: digits written out one by one, the counter as a quantity. */
  'display.call.speech': '请，{letter}，{digits}号，到{counter}号窗口办理',
} as const;

export const displayEn: Record<keyof typeof displayZhCN, string> = {
  'display.title': 'Call display',
  'display.nowCalling': 'Now serving',
  'display.counter': 'Counter {counterNumber}',
  'display.recall': 'Called again',
  'display.noCallYet': 'Please watch for your number',
  'display.recentCalls': 'Recent calls',
  'display.waiting': 'Waiting',
  'display.waitingCount': '{count}',
  'display.reconnecting': 'Reconnecting…',
  'display.enableSound': 'Turn sound on',
  'display.enableSoundHint': 'Tap anywhere to turn on the spoken calls',
  'display.noCentre': 'Name the centre in the address, e.g. /display/?centre=xuhui-tianping',
  'display.centreNotFound': 'No service centre {centreId}',
  'display.privacyNote': 'This screen shows numbers only, never personal data',
  'display.call.text': 'Ticket {ticketNo}, please go to counter {counterNumber}',
  'display.call.speech': 'Ticket {letter} {digits}, please go to counter {counter}',
};
