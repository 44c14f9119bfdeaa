import type { CommunityDetail } from '../../api/types.ts';
import { formatFen } from '../../format.ts';
import { enumLabel, pickName, t, type Lang } from '../../i18n.ts';
import { href } from '../../router.ts';

/** Work streets and departments delegated to this community, with the budget each agreed. */
export function DelegatedWork({ tasks, lang }: { tasks: CommunityDetail['delegatedTasks']; lang: Lang }) {
  return (
    <section className="card wide" aria-labelledby="community-tasks">
      <h3 id="community-tasks">{t(lang, 'tasksList')}</h3>
      {tasks == null ? (
        <p className="muted">{t(lang, 'unavailable')}</p>
      ) : tasks.length === 0 ? (
        <p className="muted">{t(lang, 'noTasks')}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="community-tasks-table">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'taskTitle')}</th>
                <th scope="col">{t(lang, 'proposer')}</th>
                <th scope="col">{t(lang, 'status')}</th>
                <th scope="col" className="num">
                  {t(lang, 'agreedFunding')}
                </th>
                <th scope="col">{t(lang, 'dueBy')}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr key={task.id}>
                  <th scope="row">{task.title}</th>
                  <td>{pickName(lang, task.department ?? task.street)}</td>
                  <td>{enumLabel(lang, task.status)}</td>
                  <td className="num">{task.agreedBudgetFen == null ? t(lang, 'notAgreed') : formatFen(task.agreedBudgetFen, lang)}</td>
                  <td>{task.dueDate ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="small">
        <a href={href({ view: 'tasks' })}>{t(lang, 'navTasks')} →</a>
      </p>
    </section>
  );
}
