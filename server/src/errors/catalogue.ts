import { ENGINE_CODES } from './engineCodes.ts';
import type { Entry, SameParams, Texts } from './template.ts';

/**
 * Each entry's zh-CN and en name the same {params}; a code's variant (`SZ_NOT_FOUND/task`: the
 * same code, worded for one case) has its code in the catalogue and takes its status from it.
 */
type Checked<T> = {
  readonly [K in keyof T]: K extends `${infer Code}/${string}`
    ? Code extends keyof T
      ? SameParams<T[K] & Texts> & { readonly shows?: string }
      : { readonly 'a variant names a code of the catalogue': Code }
    : SameParams<T[K] & Texts> & Entry;
};

const catalogue = <const T extends Checked<T>>(entries: T): T => entries;

/**
 * The error catalogue: every error the API answers is `{ code, message, details? }` with one of
 * these codes, its HTTP status, and the message worded in the request's language (zh-CN unless
 * Accept-Language asks for English). Codes are stable: clients key on them. Adding a code or a
 * variant is this one entry; docs/errors.md is generated from here (`pnpm docs:errors`).
 */
export const ERRORS = catalogue({
  SZ_VALIDATION: {
    status: 400,
    shows: 'body, query or params',
    'zh-CN': '请求内容有误，{field}：{problem}',
    en: 'Invalid request, {field}: {problem}',
  },
  SZ_FORM_INVALID: {
    status: 400,
    shows: 'task complete, instance start; `details.errors` name each field (field, code, message, label)',
    'zh-CN': '表单填写有误：{errors}',
    en: 'The form is not filled in right: {errors}',
  },
  SZ_FORM_DEFINITION_INVALID: {
    status: 400,
    shows: '`POST /api/forms`, deploy with forms; `details.problems` name the form, the place (path) and the rule (code)',
    'zh-CN': '表单“{form}”的定义有误，{path}：{problem}',
    en: 'Form {form} is not a valid definition, {path}: {problem}',
  },
  SZ_TEMPLATE_INVALID: {
    status: 400,
    shows:
      'template publish, adopt, preview, customise, upgrade; `details.problems` name the place (path: parameters/postingDays, bounds/…, fields/<form>/<n>) and the rule (code)',
    'zh-CN': '模板设置有误（{path}）：{problem}',
    en: 'The template settings are refused ({path}): {problem}',
  },
  SZ_TEMPLATE_CONFLICTS: {
    status: 409,
    shows: 'adoption upgrade; `details.conflicts` list each one with its id and the decisions it takes',
    'zh-CN': '升级到 {version} 版还有 {count} 处需要您决定。第一处：{first}',
    en: 'Upgrading to {version} leaves {count} conflict(s) to decide. The first: {first}',
  },
  SZ_ADOPTION_EXISTS: {
    status: 409,
    shows: 'adopt; `details.adoptionId` is the adoption to customise or upgrade instead',
    'zh-CN': '{unit}已经采用了模板“{template}”，请在原有的采用上修改或升级。',
    en: '{unit} has adopted template {template} already: customise or upgrade that adoption.',
  },
  SZ_CHALLENGE_FAILED: {
    status: 400,
    shows: 'public objections: the answer to the board’s sum is wrong, too late, or given before; ask GET /api/public/challenge again',
    'zh-CN': '验证题答错了或已过期，请换一道题重新作答。',
    en: 'The check question was answered wrong, too late or twice: take a new one and answer it.',
  },
  SZ_PAIRING_INFEASIBLE: {
    status: 400,
    shows: 'pairing plan: the town branches and members cannot take every village within the limits given',
    'zh-CN': '按镇里的约束只能安排 {places} 个村（社区），现有 {villages} 个：请增加机关党员，或放宽每个支部、每名党员结对的村数。',
    en: 'Within the limits given only {places} of the {villages} villages can be paired: add town members, or allow more villages per branch or member.',
  },
  'SZ_PAIRING_INFEASIBLE/branches': {
    'zh-CN': '没有带党员的机关支部：请至少为一个支部列出党员。',
    en: 'No town branch lists any member: list the members of at least one.',
  },
  SZ_TEMPLATE_VERSION_EXISTS: {
    status: 409,
    shows: '`POST /api/templates`: the library has this version with other content',
    'zh-CN': '模板“{template}”已有 {version} 版，内容与此不同：改动后请使用新的版本号。',
    en: 'Template {template} has a version {version} with other content: a change takes a new version number.',
  },
  SZ_NOTHING_TO_ROLL_BACK: {
    status: 409,
    shows: 'adoption rollback',
    'zh-CN': '这项模板采用还没有更早的部署，无法回退。',
    en: 'This adoption has no earlier deployment to roll back to.',
  },
  SZ_CALENDAR_INVALID: {
    status: 400,
    shows: '`PUT /api/calendars/:year`; details name each date, its field and the rule',
    'zh-CN': '节假日安排有误，{field}：{problem}',
    en: 'The calendar is refused, {field}: {problem}',
  },
  SZ_DELEGATION_INVALID: {
    status: 400,
    shows: '`POST /api/delegations`; details name the field and the rule',
    'zh-CN': '委托设置有误，{field}：{problem}',
    en: 'The delegation is refused, {field}: {problem}',
  },
  SZ_UNAUTHENTICATED: {
    status: 401,
    shows: 'every route but login, refresh, health',
    'zh-CN': '您还没有登录，或者登录凭证无效、账号已停用，请重新登录。',
    en: 'No valid access or refresh token was sent, or the account is disabled; sign in again.',
  },
  SZ_TOKEN_EXPIRED: {
    status: 401,
    shows: 'every route; refresh',
    'zh-CN': '登录已过期或已退出，请重新登录。',
    en: 'The access or refresh token has expired or was revoked; sign in again.',
  },
  'SZ_TOKEN_EXPIRED/reused': {
    shows: 'refresh',
    'zh-CN': '这个刷新凭证已经用过一次，为了安全，这次登录已经结束，请重新登录。',
    en: 'The refresh token was used before, so the session has ended; sign in again.',
  },
  SZ_LOGIN_FAILED: {
    status: 401,
    shows: '`POST /api/auth/login`',
    'zh-CN': '用户名或密码不对，或者账号已停用。',
    en: 'Wrong username or password, or the account is disabled.',
  },
  SZ_FORBIDDEN: {
    status: 403,
    shows: 'any action in reach',
    'zh-CN': '您在 {unit} 的角色不允许这项操作（{action}）。',
    en: 'Your roles at {unit} do not allow {action}.',
  },
  'SZ_FORBIDDEN/anywhere': {
    shows: 'actions not tied to one record',
    'zh-CN': '您在任何单位的角色都不允许这项操作（{action}）。',
    en: 'None of your roles allows {action}.',
  },
  'SZ_FORBIDDEN/cancel': {
    shows: 'cancel an instance',
    'zh-CN': '只有{unitName}的管理员才能取消办理中的事项，并且要写明理由。发起人想收回的，可以改用“撤回”。',
    en: 'Only the administrators of {unitName} may cancel a running instance, giving a reason; whoever started it can withdraw it instead.',
  },
  'SZ_FORBIDDEN/withdraw': {
    shows: 'withdraw an instance',
    'zh-CN': '只有发起人本人才能撤回这个事项。',
    en: 'Only whoever started the instance may withdraw it.',
  },
  'SZ_FORBIDDEN/cc': {
    shows: 'copy an instance',
    'zh-CN': '只有发起人、办理过这个事项的人或本单位管理员才能抄送。',
    en: 'Only whoever started the instance, handled a task of it, or an admin of its unit may copy it.',
  },
  'SZ_FORBIDDEN/urge': {
    shows: 'urge a task',
    'zh-CN': '只有发起人或本单位管理员才能催办。',
    en: 'Only whoever started the instance, or an admin of its unit, may urge its tasks.',
  },
  'SZ_FORBIDDEN/return': {
    shows: 'return a task',
    'zh-CN': '只有正在办理这项待办的人或本单位管理员才能退回。',
    en: 'Only whoever works the task, or an admin of its unit, may send it back.',
  },
  'SZ_FORBIDDEN/delegation': {
    shows: 'set or end a delegation',
    'zh-CN': '只有委托人本人或其所在单位的管理员才能设置或结束这项委托。',
    en: 'Only the user who is away, or an admin of one of their units, may set or end their delegation.',
  },
  'SZ_FORBIDDEN/add-signers': {
    shows: 'add signers to a task',
    'zh-CN': '只有正在办理这项待办的人或本单位管理员才能加签。',
    en: 'Only whoever works the task, or an admin of its unit, may add signers to it.',
  },
  'SZ_FORBIDDEN/password': {
    shows: 'set a password',
    'zh-CN': '只有本人或其所在单位的管理员才能设置这个用户的密码；镇（街）干部和管理员的密码由镇（街）管理员设置。',
    en: 'Only the user or an admin of one of their units can set their password; a town administrator sets town staff’s and administrators’.',
  },
  'SZ_FORBIDDEN/account': {
    shows: 'disable or enable a user',
    'zh-CN': '只有其所在单位的管理员才能停用或启用这个用户；镇（街）干部和管理员由镇（街）管理员停用。',
    en: 'Only an admin of one of their units can disable or enable this user; a town administrator does it for town staff and administrators.',
  },
  'SZ_FORBIDDEN/disable-self': {
    shows: 'disable yourself',
    'zh-CN': '不能停用自己的账号，请由其他管理员办理。',
    en: 'You cannot disable your own account; another administrator can.',
  },
  'SZ_FORBIDDEN/role': {
    shows: 'a village admin grants or takes back a role',
    'zh-CN': '村（居）管理员只能授予或收回本村（社区）办事员、审批人、党员/村民代表和网格员的角色，其他角色由镇（街）管理员授予。',
    en: 'A village admin grants and takes back only the village’s clerk, approver, member and grid-worker roles; a town admin grants others.',
  },
  SZ_NOT_CANDIDATE: {
    status: 403,
    shows: 'task actions',
    'zh-CN': '这项待办既没有分配给您，也没有交给您所在的岗位。',
    en: 'The task is neither assigned to you nor offered to one of your groups.',
  },
  'SZ_NOT_CANDIDATE/resolve': {
    shows: 'resolve',
    'zh-CN': '只有受托人才能把这项待办交回给委托人。',
    en: 'Only the delegate can resolve the task back to its owner.',
  },
  'SZ_NOT_CANDIDATE/unclaim': {
    shows: 'unclaim',
    'zh-CN': '只有经办人或本单位的管理员才能退回这项待办。',
    en: 'Only the assignee or an admin of its unit can give the task back.',
  },
  'SZ_NOT_CANDIDATE/delegate': {
    shows: 'delegate',
    'zh-CN': '只有经办人或本单位的管理员才能转办这项待办。',
    en: 'Only the assignee or an admin of its unit can delegate the task.',
  },
  SZ_NOT_FOUND: {
    status: 404,
    shows: 'any record out of reach or absent',
    'zh-CN': '在您管辖的单位里找不到这条记录。',
    en: 'No such record within your units.',
  },
  'SZ_NOT_FOUND/notice': { 'zh-CN': '这个公开栏上没有这条公示。', en: 'No such notice on this board.' },
  'SZ_NOT_FOUND/template': { 'zh-CN': '模板库里没有这个模板或这个版本。', en: 'No such template or version in the library.' },
  'SZ_NOT_FOUND/publication': {
    'zh-CN': '找不到这次模板发布，或它不是发给您的单位的。',
    en: 'No such template publication, or it was not published to your unit.',
  },
  'SZ_NOT_FOUND/register': { 'zh-CN': '在这个单位找不到这本台账。', en: 'No such register at this unit.' },
  'SZ_NOT_FOUND/entry': { 'zh-CN': '台账里没有这条记录。', en: 'No such entry in the register.' },
  'SZ_NOT_FOUND/adoption': { 'zh-CN': '在您管辖的单位里找不到这项模板采用。', en: 'No such template adoption within your units.' },
  'SZ_NOT_FOUND/instance': { 'zh-CN': '在您管辖的单位里找不到这项办理事项。', en: 'No such instance within your units.' },
  'SZ_NOT_FOUND/task': { 'zh-CN': '在您管辖的单位里找不到这项待办。', en: 'No such task within your units.' },
  'SZ_NOT_FOUND/webhook': {
    'zh-CN': '在您管辖的单位里找不到这个消息推送地址或这条投递记录。',
    en: 'No such webhook or delivery within your units.',
  },
  'SZ_NOT_FOUND/delegation': { 'zh-CN': '找不到这项委托。', en: 'No such delegation of yours.' },
  'SZ_NOT_FOUND/unit': { 'zh-CN': '在您管辖的范围里找不到这个单位。', en: 'No such unit within your units.' },
  'SZ_NOT_FOUND/user': { 'zh-CN': '在您管辖的单位里找不到这个用户。', en: 'No such user within your units.' },
  'SZ_NOT_FOUND/definition': {
    'zh-CN': '在您管辖的单位及其上级单位里找不到这个流程定义。',
    en: 'No such process definition within your units or above them.',
  },
  'SZ_NOT_FOUND/attachment': { 'zh-CN': '这项待办没有这个附件。', en: 'The task has no such attachment.' },
  'SZ_NOT_FOUND/job': {
    shows: 'external job answers',
    'zh-CN': '在您管辖的单位里找不到外部任务 {id}。',
    en: 'No external job {id} within your units.',
  },
  SZ_ROUTE_NOT_FOUND: { status: 404, shows: 'unknown URL', 'zh-CN': '没有这个接口：{method} {path}', en: 'No route {method} {path}.' },
  SZ_UNIT_NOT_FOUND: {
    status: 404,
    shows: 'deploy, start, org, public board',
    'zh-CN': '找不到单位 {unit}。',
    en: 'No unit {unit}.',
  },
  'SZ_UNIT_NOT_FOUND/parent': {
    shows: 'add a unit',
    'zh-CN': '上级单位 {unit} 不存在，请先建立上级单位。',
    en: 'The parent unit {unit} does not exist; add it first.',
  },
  SZ_FORM_NOT_FOUND: {
    status: 404,
    shows: 'forms',
    'zh-CN': '您所在的单位及其上级单位都没有这个表单。',
    en: 'No such form within your units or above them.',
  },
  'SZ_FORM_NOT_FOUND/step': {
    shows: 'task form',
    'zh-CN': '这个办理环节没有表单。',
    en: 'This step shows no form.',
  },
  'SZ_FORM_NOT_FOUND/start': {
    shows: 'start form',
    'zh-CN': '这个流程发起时不用填表单。',
    en: 'This procedure has no start form.',
  },
  SZ_CALENDAR_NOT_FOUND: {
    status: 404,
    shows: '`GET /api/calendars`',
    'zh-CN': '{unit} 及其上级单位都没有 {year} 年的节假日安排，工作日按周一至周五计算。',
    en: 'No calendar for {year} at {unit} or above it; working days count Monday to Friday.',
  },
  SZ_DEFINITION_NOT_FOUND: {
    status: 404,
    shows: 'start',
    'zh-CN': '{unit} 及其上级单位都没有部署流程“{key}”。',
    en: "No process definition '{key}' at {unit} or above it.",
  },
  SZ_MESSAGE_NOT_CORRELATED: {
    status: 404,
    shows: '`POST /api/messages`',
    'zh-CN': '您管辖的单位里没有办理事项在等待消息“{name}”（按这个关联键），也没有流程由它启动。',
    en: "No instance in your units waits for message '{name}' with that key, and no process starts with it.",
  },
  SZ_INSTANCE_CONFLICT: {
    status: 409,
    shows: 'instance commands',
    'zh-CN': '这项办理事项刚刚被别人改动过，请刷新后再试。',
    en: 'The instance was changed by someone else at the same time; read it again and retry.',
  },
  SZ_ADOPTION_CONFLICT: {
    status: 409,
    shows: 'adoption customise, upgrade, rollback: the revision sent is not the stored one',
    'zh-CN': '这项模板采用刚刚被别人改动过，请刷新后再试。',
    en: 'The adoption was changed by someone else meanwhile; read it again and retry.',
  },
  SZ_REGISTER_CONFLICT: {
    status: 409,
    shows: 'register entry written: the revision sent is not the stored one',
    'zh-CN': '这条台账记录刚刚被别人改动过，请刷新后再试。',
    en: 'The register entry was changed by someone else meanwhile; read it again and retry.',
  },
  SZ_TASK_CONFLICT: {
    status: 409,
    shows: 'task commands',
    'zh-CN': '这项待办刚刚被别人改动过，请刷新后再试。',
    en: 'The task was changed by someone else at the same time; read it again and retry.',
  },
  SZ_WITHDRAW_TOO_LATE: {
    status: 409,
    shows: 'withdraw an instance',
    'zh-CN': '已经有人办理过这个事项，不能再撤回；如需终止，请联系本单位管理员取消。',
    en: 'Someone has acted on the instance since it was started, so it can no longer be withdrawn; ask an admin of its unit to cancel it.',
  },
  SZ_URGE_TOO_SOON: {
    status: 409,
    shows: 'urge a task',
    'zh-CN': '这项待办一小时内已经催办过了，{at} 以后可以再催办。',
    en: 'The task was urged within the hour; it can be urged again from {at}.',
  },
  SZ_DELIVERY_PENDING: {
    status: 409,
    shows: 'replay a dead letter',
    'zh-CN': '这条消息还在重试投递，不是失败记录，不用重发。',
    en: 'The delivery is still being tried; it is no dead letter to replay.',
  },
  SZ_TASK_NOT_OPEN: {
    status: 409,
    shows: 'task commands',
    'zh-CN': '这项待办已经办结或已经取消。',
    en: 'The task is already completed or cancelled.',
  },
  SZ_TASK_CLAIMED: { status: 409, shows: 'claim', 'zh-CN': '这项待办已经由别人签收。', en: 'The task is assigned to someone else.' },
  SZ_TASK_DELEGATED: {
    status: 409,
    shows: 'complete',
    'zh-CN': '这项待办已经转办：由受托人办好后交回，再由委托人办结。',
    en: 'The task is delegated: the delegate resolves it back to its owner, who completes it.',
  },
  SZ_TASK_NOT_DELEGATED: {
    status: 409,
    shows: 'resolve',
    'zh-CN': '这项待办没有转办，不需要交回。',
    en: 'The task is not delegated, so there is no owner to give it back to.',
  },
  SZ_ASSIGNEE_INVALID: {
    status: 400,
    shows: 'assign, delegate',
    'zh-CN': '找不到这个用户，或者他在这项待办所在的单位没有任何角色。',
    en: 'The user does not exist or holds no role that reaches the task unit.',
  },
  'SZ_ASSIGNEE_INVALID/signer': {
    shows: 'add signers',
    'zh-CN': '不能给 {user} 加签：找不到这个用户，或者他在这项待办所在的单位没有任何角色。',
    en: '{user} cannot sign: no such user, or they hold no role that reaches the task unit.',
  },
  'SZ_VALIDATION/before': {
    shows: 'add signers before',
    'zh-CN': '前加签一次只能加一个人：他办好后交回，再加下一个。',
    en: 'Signing before takes one signer at a time: they resolve the task back before the next is added.',
  },
  SZ_TASK_UNCLAIMED: {
    status: 409,
    shows: 'add signers before',
    'zh-CN': '这项待办还没有人签收：签收后才能前加签，加签人办好后交回给签收人。',
    en: 'Nobody holds the task yet: claim it first, so the signer has someone to resolve it back to.',
  },
  SZ_USERNAME_TAKEN: {
    status: 409,
    shows: 'create user',
    'zh-CN': '用户名“{username}”已经有人用了。',
    en: "The username '{username}' is already taken.",
  },
  SZ_JOB_LOCK_LOST: {
    status: 409,
    shows: 'external job answers',
    'zh-CN': '这项外部任务不是由这个工作端锁定的（锁已过期，或者已被别的工作端领走）。',
    en: 'The job is not locked by this worker (the lock expired or another worker holds it).',
  },
  SZ_PAYLOAD_TOO_LARGE: { status: 413, shows: 'any body', 'zh-CN': '提交的内容太大。', en: 'The request body is too large.' },
  SZ_FILE_TOO_LARGE: { status: 413, shows: 'attachments', 'zh-CN': '附件超过 10 MB。', en: 'The attachment is larger than 10 MB.' },
  SZ_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    shows: 'any body',
    'zh-CN': '这里不接受这种内容类型。',
    en: 'The request content type is not accepted here.',
  },
  'SZ_UNSUPPORTED_MEDIA_TYPE/multipart': {
    shows: 'attachments',
    'zh-CN': '附件请用 multipart/form-data 方式上传。',
    en: 'Send the file as multipart/form-data.',
  },
  SZ_FILE_TYPE_REJECTED: {
    status: 415,
    shows: 'attachments',
    'zh-CN': '附件不是图片、PDF、办公文档或文本文件，或者文件内容和它的类型对不上。',
    en: 'The attachment is not an image, PDF, office document or text file, or its content does not match its type.',
  },
  SZ_RATE_LIMITED: {
    status: 429,
    shows: 'login',
    'zh-CN': '尝试次数太多，请 {seconds} 秒后再试。',
    en: 'Too many attempts; try again in {seconds} s.',
  },
  'SZ_RATE_LIMITED/objection': {
    'zh-CN': '从这个网络地址提交的异议太多了，请 {seconds} 秒后再试。',
    en: 'Too many objections from this address; try again in {seconds} s.',
  },
  SZ_NOTICE_CLOSED: {
    status: 409,
    shows: 'file an objection on the public board',
    'zh-CN': '这条公示的公示期已于 {until} 结束，不能再提出异议；如有意见请直接联系村（居）委会。',
    en: 'The posting period of this notice ended on {until}; objections are closed. Contact the village committee directly.',
  },
  SZ_INTERNAL: {
    status: 500,
    shows: 'anywhere',
    'zh-CN': '服务器出了问题，请稍后再试；日志里的请求编号可以查明原因。',
    en: 'Something went wrong on the server; the request id in the logs tells what.',
  },
  SZ_NOT_READY: { status: 503, shows: '`GET /ready`', 'zh-CN': '连不上数据存储。', en: 'The store is not reachable.' },
  'SZ_NOT_READY/migrations': { 'zh-CN': '数据存储的迁移还没有运行。', en: 'The store’s migrations have not run.' },
  SZ_SHUTTING_DOWN: {
    status: 503,
    shows: 'commands during shutdown',
    'zh-CN': '服务器正在关闭，请换一台服务器重试。',
    en: 'The server is shutting down; retry on another one.',
  },
  ...ENGINE_CODES,
  'SZ_BPMN_INVALID/deploy': {
    shows: 'deploy',
    'zh-CN': '流程模型有 {count} 处问题，不能部署。第一处：{first}',
    en: 'The model has {count} problem(s) and cannot be deployed. The first: {first}',
  },
});

/** A catalogue entry: a code, or a code's variant (`SZ_NOT_FOUND/task`). */
export type MessageId = keyof typeof ERRORS;

/** The code a message answers with: a variant's code is the part before its slash. */
export type CodeOf<M extends string> = M extends `${infer Code}/${string}` ? Code : M;

export type ErrorCode = CodeOf<MessageId>;

export function codeOf<M extends MessageId>(id: M): CodeOf<M> {
  return id.split('/')[0] as CodeOf<M>;
}

/** The code's status; 500 for an incident code, which is never meant to be an answer. */
export function statusOf(id: MessageId): number {
  const entry: Entry = ERRORS[codeOf(id)];
  return entry.status ?? 500;
}
