/**
 * Tabs as the WAI-ARIA Authoring Practices describe them: one tab stop for the tab list (roving tabindex), Left
 * and Right (and Home, End) move between tabs and show the panel (automatic activation: showing one is cheap).
 */
import { h } from './dom.js';

export interface TabSpec {
  id: string;
  label: string;
  panel: HTMLElement;
}

export interface Tabs {
  element: HTMLElement;
  select(id: string, focus?: boolean): void;
  selected(): string;
}

export function createTabs(label: string, specs: TabSpec[], onSelect: (id: string) => void): Tabs {
  const list = h('div', { role: 'tablist', 'aria-label': label, class: 'tabs' });
  const tabs = specs.map((spec) => {
    const tab = h('button', { type: 'button', role: 'tab', id: `tab-${spec.id}`, 'aria-controls': spec.panel.id, class: 'tab' }, spec.label);
    spec.panel.setAttribute('role', 'tabpanel');
    spec.panel.setAttribute('aria-labelledby', tab.id);
    tab.addEventListener('click', () => select(spec.id, true));
    tab.addEventListener('keydown', (event) => {
      const index = specs.indexOf(spec);
      const next =
        event.key === 'ArrowRight' ? (index + 1) % specs.length
        : event.key === 'ArrowLeft' ? (index - 1 + specs.length) % specs.length
        : event.key === 'Home' ? 0
        : event.key === 'End' ? specs.length - 1
        : -1;
      if (next < 0) return;
      event.preventDefault();
      select(specs[next]!.id, true);
    });
    list.append(tab);
    return tab;
  });
  let current = '';

  function select(id: string, focus = false): void {
    specs.forEach((spec, i) => {
      const on = spec.id === id;
      tabs[i]!.setAttribute('aria-selected', String(on));
      tabs[i]!.tabIndex = on ? 0 : -1;
      spec.panel.hidden = !on;
      if (on && focus) tabs[i]!.focus();
    });
    if (id !== current) {
      current = id;
      onSelect(id);
    }
  }

  return { element: list, select, selected: () => current };
}
