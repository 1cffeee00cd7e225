/** The district's teachers across schools, e.g. everyone who misses the ethics training, with its export. */
import type { PageContext } from '../context.js';
import { t } from '../i18n.js';
import { TeacherList } from '../views/TeacherList.js';

export function TeachersPage({ ctx, query }: { ctx: PageContext; query: URLSearchParams }) {
  return (
    <>
      <div class="page-head">
        <h1>{`${t('navTeachers')} · ${ctx.year}`}</h1>
      </div>
      <TeacherList ctx={ctx} query={query} onLoaded={() => ctx.ready()} />
    </>
  );
}
