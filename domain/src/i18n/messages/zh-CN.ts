/**
 * The Chinese catalogue: the default language and the source of every message key. English
 * (en.ts) must provide the same keys; the type system checks it. Placeholders are {name}.
 */
export const zhCN = {
  // Why a service does not apply (eligibility reasons)
  'reason.too-young': '年满{requiredAge}周岁可办理，您目前{age}周岁，{eligibleFrom}起可以办理。',
  'reason.age-out-of-range': '适用于{min}至{max}周岁，您目前{age}周岁。',
  'reason.not-shanghai-hukou': '仅限本市户籍老年人办理，系统显示您的户籍不在本市。',
  'reason.not-assessed': '需要先完成老年照护统一需求评估。',
  'reason.care-level-too-low': '需要照护等级{requiredLevel}级及以上，您目前为{careLevel}级。',
  'reason.no-financial-hardship': '仅限经济困难的老年人（如低保、低收入家庭）。',
  'reason.already-holds-senior-card': '您已经持有敬老卡，无需重复申领。卡片遗失或损坏，请到窗口补办。',
  'reason.senior-card-application-pending': '您已经申领过敬老卡，正在制作中，制作完成后会电话通知您。',
  'reason.meal-assistance-already-approved': '您已开通助餐服务，如需修改请办理“助餐信息变更”。',
  'reason.meal-assistance-not-approved': '需要先开通老年人助餐服务。',
  'reason.none-of': '满足以下任意一项即可：{alternatives}',
  'reason.alternative-separator': '；或者',

  // Receipt
  'receipt.header': '上海市养老服务“一件事”',
  'receipt.title': '办理回执',
  'receipt.service': '办理事项',
  'receipt.applicant': '申请人',
  'receipt.idNumber': '证件号码',
  'receipt.applicationNo': '受理编号',
  'receipt.submittedAt': '受理时间',
  'receipt.status': '办理状态',
  'receipt.qrCaption': '扫码或凭受理编号查询办理进度',
  'receipt.keep': '请妥善保管本回执。如有疑问，请咨询窗口工作人员。',
  'receipt.allowance.channel': '领取渠道',
  'receipt.allowance.previousChannel': '原领取渠道',
  'receipt.allowance.note': '老年综合津贴“免申即享”，将按月发放到您选择的渠道。',
  'receipt.seniorCard.phone': '联系电话',
  'receipt.seniorCard.delivery': '领卡方式',
  'receipt.seniorCard.address': '邮寄地址',
  'receipt.seniorCard.note': '敬老卡制作完成后，我们会电话通知您。',

  // Shared values
  'channel.senior-card': '敬老卡',
  'channel.social-security-card': '社会保障卡',
  'delivery.collect': '到本中心领取',
  'delivery.mail': '邮寄到户籍地址',
  'status.submitted': '已受理',
  'status.completed': '已办结',
  'sex.male': '男',
  'sex.female': '女',
  'age.years': '{age}周岁',
  'date.format': '{year}年{month}月{day}日',

  // API errors (server); the code is stable, the message is for people
  'error.VALIDATION_FAILED': '提交的信息不完整或格式不正确。',
  'error.INVALID_JSON': '提交的内容不是有效的 JSON。',
  'error.INVALID_ID_NUMBER': '身份证号码无效，请重新放置身份证。',
  'error.CARD_EXPIRED': '身份证已过有效期，请到窗口办理。',
  'error.IDENTIFY_TOKEN_INVALID': '身份核验已过期，请重新放置身份证。',
  'error.NOT_ELIGIBLE': '暂不符合办理条件。',
  'error.ALREADY_CHOSEN': '您选择的渠道与当前渠道相同，无需变更。',
  'error.IDEMPOTENCY_KEY_REQUIRED': '缺少 Idempotency-Key 请求头。',
  'error.IDEMPOTENCY_KEY_REUSED': '该 Idempotency-Key 已用于另一份不同的申请。',
  'error.NOT_FOUND': '没有找到相应的记录。',
  'error.UNKNOWN_SERVICE': '没有这项服务。',
  'error.PAYLOAD_TOO_LARGE': '提交的内容过大。',
  'error.UNSUPPORTED_MEDIA_TYPE': '请以 application/json 提交。',
  'error.INTERNAL': '系统暂时出现问题，请稍后再试或咨询工作人员。',
} as const;

export type MessageKey = keyof typeof zhCN;
