/** @jsxRuntime automatic */
/** @jsxImportSource preact */
import type { Diagram } from '../diagram/types.js';

/** The generated CI as a graph: pull request, builds, environments, approvals, previews. */
export function DeliverySection({ svg, diagram }: { svg: string; diagram: Diagram }) {
  const jobs = diagram.nodes.filter((n) => n.kind === 'job');
  return (
    <section id="delivery">
      <h2>Delivery</h2>
      <div class="diagram" dangerouslySetInnerHTML={{ __html: svg }} />
      <details>
        <summary>{jobs.length} jobs, their environments and the roles they may assume</summary>
        <table>
          <tbody>
            {jobs.map((job) => (
              <tr>
                <td>{job.label}</td>
                <td>
                  {job.details.map((line) => (
                    <div>{line}</div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
