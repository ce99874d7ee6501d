import type { ElementModel } from '../model/types.ts';
import type { Processing } from '../processing/processing.ts';
import type { ElementInstance } from '../state/types.ts';

/** Posts to the village's public board (公开栏) when the model asks for it. */
export function postNotice(p: Processing, ei: ElementInstance, el: ElementModel): void {
  const notice = el.notice;
  if (!notice) return;
  const vars = p.scopeVars(ei.k);
  const body = notice.body ? String(p.expr(notice.body, vars, `notice body of ${el.id}`)) : undefined;
  // One id or a list of them; anything else (an empty field) posts none.
  const given = notice.attachments ? p.expr(notice.attachments, vars, `notice attachments of ${el.id}`) : undefined;
  const attachments = (Array.isArray(given) ? given : [given]).filter((a): a is string => typeof a === 'string' && a.length > 0);
  p.effect({
    type: 'PostNotice',
    instance: p.state.id,
    key: ei.k,
    el: el.id,
    title: String(p.expr(notice.title, vars, `notice title of ${el.id}`)),
    days: notice.days,
    ...(body === undefined ? {} : { body }),
    ...(notice.board === undefined ? {} : { board: notice.board }),
    ...(attachments.length > 0 ? { attachments } : {}),
  });
}
