// The page's script: sorting, filtering, search, the detail view and, when served live, polling for
// fresh records. It is written here as a typed function and embedded with Function.toString, so it
// must stand alone: no imports at run time, no references outside its body. Everything it shows from
// a record is put into the page with textContent, never parsed as HTML.
import type { ClientData, ClientDetail } from './html-data.js';

export function reportClient(): void {
  const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
  const readData = (root: Document): ClientData => JSON.parse(root.getElementById('report-data')?.textContent ?? '{}') as ClientData;
  const normalize = (text: string): string => text.normalize('NFKC').toLowerCase();

  let data = readData(document);
  const table = byId<HTMLTableElement>('submissions');
  const search = byId<HTMLInputElement>('q');
  const statusFilter = byId<HTMLSelectElement>('status');
  const flagFilter = byId<HTMLSelectElement>('flag');
  const counter = byId<HTMLOutputElement>('count');
  const noMatch = byId<HTMLParagraphElement>('no-match');
  const dialog = byId<HTMLDialogElement>('detail');
  const dialogTitle = byId<HTMLHeadingElement>('detail-title');
  const dialogBody = byId<HTMLDivElement>('detail-body');
  // The server renders the rows already sorted, and marks the column with aria-sort.
  const headers = Array.from(table.tHead?.querySelectorAll('th') ?? []);
  const initial = headers.findIndex((th) => th.getAttribute('aria-sort') !== 'none');
  const sort = { column: Math.max(0, initial), direction: headers[initial]?.getAttribute('aria-sort') === 'ascending' ? 1 : -1 };
  let searchTexts: string[] = [];

  const body = (): HTMLTableSectionElement => table.tBodies[0]!;
  const rowIndex = (tr: HTMLTableRowElement): number => Number(tr.dataset.i);

  function detailText(detail: ClientDetail): string {
    const flags = detail.flags.map((f) => [f.message, f.field, f.attachment].join(' '));
    return [...detail.meta, ...(detail.form ?? []).flat(), ...detail.attachments.flat(), ...flags].join(' ');
  }

  function indexRows(): void {
    searchTexts = [];
    for (const tr of Array.from(body().rows)) searchTexts[rowIndex(tr)] = normalize(`${tr.textContent ?? ''} ${detailText(data.rows[rowIndex(tr)]!.detail)}`);
  }

  function matchesStatus(state: string, wanted: string): boolean {
    if (wanted === 'all') return true;
    if (wanted === 'current') return state !== 'superseded';
    return state === wanted;
  }

  function applyFilters(): void {
    const terms = normalize(search.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const tr of Array.from(body().rows)) {
      const i = rowIndex(tr);
      const row = data.rows[i]!;
      const visible =
        matchesStatus(row.state, statusFilter.value) && (flagFilter.value === '' || row.flags.includes(flagFilter.value)) && terms.every((t) => searchTexts[i]!.includes(t));
      tr.hidden = !visible;
      if (visible) shown += 1;
    }
    counter.value = `${shown.toLocaleString('ja-JP')}件を表示（受信 ${data.rows.length.toLocaleString('ja-JP')}件中）`;
    noMatch.hidden = shown > 0;
  }

  // One collator for the whole sort: localeCompare with options builds one per comparison.
  const collator = new Intl.Collator('ja', { numeric: true });

  interface SortEntry {
    tr: HTMLTableRowElement;
    key: number | null;
    text: string;
  }

  function compareEntries(a: SortEntry, b: SortEntry): number {
    // Blanks go last whichever way the column is sorted: staff look for the values.
    const blankA = a.key === null && a.text === '';
    const blankB = b.key === null && b.text === '';
    if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
    const order = a.key !== null && b.key !== null ? a.key - b.key : collator.compare(a.text, b.text);
    return order * sort.direction;
  }

  function applySort(): void {
    const entries = Array.from(body().rows, (tr): SortEntry => ({
      tr,
      key: data.rows[rowIndex(tr)]!.keys[sort.column] ?? null,
      text: tr.cells[sort.column]?.textContent ?? '',
    }));
    body().append(...entries.sort(compareEntries).map((entry) => entry.tr));
    headers.forEach((th, i) => {
      th.setAttribute('aria-sort', i === sort.column ? (sort.direction === 1 ? 'ascending' : 'descending') : 'none');
    });
  }

  function element(tag: string, text?: string, className?: string): HTMLElement {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  /** A blank is shown greyed as `blank` (未記入 for a form field), never as an empty cell. */
  function definitionList(labels: string[], values: string[], blank: string): HTMLElement {
    const list = element('dl');
    labels.forEach((label, i) => {
      const value = values[i] ?? '';
      list.append(element('dt', label), element('dd', value === '' ? blank : value, value === '' ? 'unanswered' : undefined));
    });
    return list;
  }

  function smallTable(headers: string[], rows: string[][], rowClass?: (i: number) => string): HTMLElement {
    const wrap = element('div', undefined, 'table-wrap');
    const t = element('table');
    const head = element('tr');
    for (const h of headers) head.append(element('th', h));
    t.append(element('thead'), element('tbody'));
    t.firstChild!.appendChild(head);
    rows.forEach((cells, i) => {
      const tr = element('tr', undefined, rowClass?.(i));
      for (const cell of cells) tr.append(element('td', cell));
      t.lastChild!.appendChild(tr);
    });
    wrap.append(t);
    return wrap;
  }

  function openDetail(i: number): void {
    const row = data.rows[i];
    if (!row) return;
    const d = row.detail;
    dialogTitle.textContent = d.title;
    const parts: HTMLElement[] = [element('h3', '不備・注意')];
    parts.push(
      d.flags.length === 0
        ? element('p', 'ありません', 'empty')
        : smallTable(
            ['重要度', '内容', '項目', '対象ファイル', '依頼・確認事項'],
            d.flags.map((f) => [f.severity, f.message, f.field, f.attachment, f.action]),
            (k) => (d.flags[k]!.error ? 'error' : ''),
          ),
    );
    parts.push(element('h3', '受信情報'), definitionList(data.metaLabels, d.meta, 'なし'));
    if (d.form) data.formSections.forEach((section, k) => parts.push(element('h3', section.title), definitionList(section.labels, d.form![k] ?? [], '未記入')));
    else parts.push(element('h3', '申請書'), element('p', '申請書を読み取れませんでした（不備・注意を参照）。', 'empty'));
    parts.push(element('h3', '添付ファイル'));
    parts.push(d.attachments.length === 0 ? element('p', 'ありません', 'empty') : smallTable(data.attachmentHeaders, d.attachments));
    const state = element('p');
    state.append(element('span', data.stateLabels[row.state], `badge ${row.state}`));
    dialogBody.replaceChildren(state, ...parts);
    if (!dialog.open) dialog.showModal();
    dialogBody.scrollTop = 0;
  }

  function wireTable(): void {
    body().addEventListener('click', (event) => {
      const tr = (event.target as Element).closest('tr');
      if (tr) openDetail(rowIndex(tr));
    });
    body().addEventListener('keydown', (event) => {
      const tr = (event.target as Element).closest('tr');
      if (tr && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        openDetail(rowIndex(tr));
      }
    });
  }

  headers.forEach((th, i) => {
    th.querySelector('button')?.addEventListener('click', () => {
      sort.direction = sort.column === i ? -sort.direction : 1;
      sort.column = i;
      applySort();
    });
  });
  search.addEventListener('input', applyFilters);
  statusFilter.addEventListener('change', applyFilters);
  flagFilter.addEventListener('change', applyFilters);
  byId<HTMLButtonElement>('detail-close').addEventListener('click', () => dialog.close());
  byId<HTMLButtonElement>('detail-print').addEventListener('click', () => window.print());
  // A modal dialog sits in the browser's top layer, outside the printed flow: print the submission
  // from a non-modal copy of the dialog, then restore it.
  let printingDetail = false;
  window.addEventListener('beforeprint', () => {
    if (!dialog.open) return;
    printingDetail = true;
    dialog.close();
    dialog.show();
  });
  window.addEventListener('afterprint', () => {
    if (!printingDetail) return;
    printingDetail = false;
    dialog.close();
    dialog.showModal();
  });
  wireTable();
  indexRows();
  applyFilters();

  if (document.body.dataset.live !== '1') return;

  // Served live: poll the small status endpoint; when the records changed, fetch the page again and
  // swap its parts in place, keeping the staff member's search, filters and sort.
  const liveStatus = byId<HTMLParagraphElement>('live-status');
  const queue = byId<HTMLParagraphElement>('queue');
  liveStatus.hidden = false;

  function showQueue(status: unknown): void {
    queue.hidden = status === null || status === undefined;
    if (queue.hidden) return;
    const entries = typeof status === 'object' ? Object.entries(status as Record<string, unknown>) : [['', status]];
    queue.textContent = `キュー：${entries.map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(' / ')}`;
  }

  async function reload(): Promise<void> {
    const response = await fetch('./', { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
    for (const id of ['generated', 'summary', 'chart', 'totals']) {
      const next = fresh.getElementById(id);
      if (next) document.getElementById(id)?.replaceWith(document.importNode(next, true));
    }
    const nextFlags = fresh.getElementById('flag') as HTMLSelectElement | null;
    if (nextFlags) {
      const chosen = flagFilter.value;
      flagFilter.replaceChildren(...Array.from(nextFlags.options).map((o) => document.importNode(o, true)));
      flagFilter.value = Array.from(flagFilter.options).some((o) => o.value === chosen) ? chosen : '';
    }
    const nextBody = fresh.querySelector('#submissions tbody');
    if (nextBody) body().replaceWith(document.importNode(nextBody, true));
    data = readData(fresh);
    wireTable();
    indexRows();
    applySort();
    applyFilters();
  }

  async function poll(): Promise<void> {
    try {
      const response = await fetch('api/status', { cache: 'no-store', credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const status = (await response.json()) as { version: string; queue?: unknown };
      showQueue(status.queue);
      if (status.version !== data.version) await reload();
      liveStatus.textContent = `自動更新中（${new Date().toLocaleTimeString('ja-JP')} に確認）`;
    } catch {
      liveStatus.textContent = '自動更新：サーバーに接続できません。しばらくして再試行します。';
    }
  }

  void poll();
  setInterval(() => void poll(), Number(document.body.dataset.pollMs) || 15_000);
}
