/**
 * The page's only script: a click on a diagram switches it between fitting the page and its full
 * size; a finding or change row that names a drawn resource shows it, by scrolling its
 * environment's diagram to the node and outlining it. Plain DOM, no library, so the page stays one
 * offline file.
 */
export const FINDING_LINKS_SCRIPT = `
document.addEventListener('click', (event) => {
  const diagram = event.target instanceof Element ? event.target.closest('.diagram') : null;
  if (diagram) diagram.classList.toggle('actual-size');
  const row = event.target instanceof Element ? event.target.closest('tr[data-node]') : null;
  if (!row) return;
  const section = document.querySelector('section[data-section="' + row.dataset.section + '"]');
  const node = section && section.querySelector('[data-node-id="' + CSS.escape(row.dataset.node) + '"]');
  if (!node) return;
  document.querySelectorAll('.focused').forEach((el) => el.classList.remove('focused'));
  node.classList.add('focused');
  node.scrollIntoView({ behavior: 'smooth', block: 'center', inline: 'center' });
});
`;
