/**
 * A mount point inside a shadow root, for the source editor. CodeMirror puts its styles into a `<style>` element
 * when it is mounted in the document, which the app's Content-Security-Policy (style-src 'self') rightly refuses;
 * in a shadow root it uses a constructed style sheet (adoptedStyleSheets), which the CSP allows, so the editor is
 * styled without loosening the policy. `css` is the host's own few rules (size, focus ring), adopted the same way.
 */
export function mountInShadow(host: HTMLElement, css: string): HTMLElement {
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  shadow.adoptedStyleSheets = [sheet];
  const mount = document.createElement('div');
  mount.className = 'mount';
  shadow.append(mount);
  return mount;
}

/** The source editor's frame inside its shadow root (the app's CSS does not reach in; inherited fonts do). */
export const SOURCE_EDITOR_CSS = `
:host { display: block; height: 100%; }
.mount { height: 100%; }
:host .cm-editor { height: 100%; font-size: 0.875rem; }
:host .cm-editor .cm-scroller { font-family: 'DejaVu Sans Mono', ui-monospace, monospace; line-height: 1.55; }
:host .cm-editor.cm-focused { outline: 3px solid #b54708; outline-offset: -3px; }
:host .cm-gutters { background: #f4f5f2; color: #4a5563; border-right: 1px solid #d5d9d0; }
`;
