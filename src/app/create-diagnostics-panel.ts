/**
 * The list of problems and suggestions, in the order the server gives them (form order). Severity is a word and
 * an icon, never colour alone; each item links to its field; compliance items show their citation; deficit
 * wording offers its suggested text with one button.
 */
import type { AppDiagnostic } from './api.js';
import { changedSentences } from './changed-sentences.js';
import { h, replaceChildren } from './dom.js';
import { t } from './i18n.js';

export interface DiagnosticsPanel {
  element: HTMLElement;
  show(diagnostics: readonly AppDiagnostic[], heading?: string): void;
}

export interface DiagnosticsPanelOptions {
  /** The field's English text now, to show only the sentences a suggestion changes. */
  currentText(path: string): string | undefined;
  onGoTo(diagnostic: AppDiagnostic): void;
  onFix(diagnostic: AppDiagnostic): void;
}

const ICON: Record<string, string> = { error: '✖', warning: '▲', info: 'ℹ' };

export function createDiagnosticsPanel(options: DiagnosticsPanelOptions): DiagnosticsPanel {
  const title = h('h2', { id: 'diagnostics-heading', class: 'pane-heading' }, t('diagnostics.heading'));
  const summary = h('p', { class: 'diagnostics-summary' });
  const list = h('ol', { class: 'diagnostics-list', 'aria-labelledby': 'diagnostics-heading' });
  const element = h('section', { class: 'diagnostics', 'aria-labelledby': 'diagnostics-heading', id: 'diagnostics' }, title, summary, list);

  function item(diagnostic: AppDiagnostic): HTMLLIElement {
    const severity = diagnostic.severity;
    const where = [diagnostic.path || undefined, diagnostic.line ? t('diagnostics.line', { line: diagnostic.line }) : undefined]
      .filter(Boolean)
      .join(' · ');
    const goTo =
      diagnostic.path || diagnostic.line
        ? h(
            'button',
            { type: 'button', class: 'link-button diag-where', onclick: () => options.onGoTo(diagnostic) },
            h('span', { class: 'visually-hidden' }, `${t('diagnostics.goTo')} `),
            where,
          )
        : null;
    const current = diagnostic.fix ? options.currentText(diagnostic.fix.path) : undefined;
    const change = diagnostic.fix && current !== undefined ? changedSentences(current, diagnostic.fix.text) : undefined;
    const fix = diagnostic.fix
      ? h(
          'div',
          { class: 'diag-fix' },
          change ? h('p', { class: 'diag-fix-label diag-fix-before' }, t('diagnostics.insteadOf')) : null,
          change ? h('blockquote', { class: 'diag-fix-old' }, change.before) : null,
          h('p', { class: 'diag-fix-label' }, t('diagnostics.suggested')),
          h('blockquote', { class: 'diag-fix-text' }, change?.after ?? diagnostic.fix.text),
          h('button', { type: 'button', class: 'button button-small', onclick: () => options.onFix(diagnostic) }, t('diagnostics.useSuggested')),
        )
      : null;
    return h(
      'li',
      { class: `diag diag-${severity}` },
      h(
        'p',
        { class: 'diag-head' },
        h('span', { class: 'diag-severity' }, h('span', { 'aria-hidden': 'true', class: 'diag-icon' }, ICON[severity] ?? '•'), ` ${t(`severity.${severity}`)}`),
        goTo,
      ),
      h('p', { class: 'diag-message' }, diagnostic.message),
      diagnostic.hint ? h('p', { class: 'diag-hint' }, `${t('diagnostics.hint')} ${diagnostic.hint}`) : null,
      diagnostic.source ? h('p', { class: 'diag-source' }, `${t('diagnostics.source')} `, h('cite', {}, diagnostic.source)) : null,
      fix,
    );
  }

  return {
    element,
    show(diagnostics, heading) {
      title.textContent = heading ?? t('diagnostics.heading');
      const count = (severity: string) => diagnostics.filter((d) => d.severity === severity).length;
      summary.textContent = diagnostics.length
        ? t('diagnostics.summary', {
            errors: t('diagnostics.errors', { count: count('error') }),
            warnings: t('diagnostics.warnings', { count: count('warning') }),
            notes: t('diagnostics.notes', { count: count('info') }),
          })
        : t('diagnostics.none');
      replaceChildren(list, ...diagnostics.map(item));
    },
  };
}
