/**
 * What Fluent UI v9 expects from a browser and jsdom lacks. Import it first in component tests.
 * Only no-op stand-ins: layout and animation do not exist in jsdom anyway.
 */
import { createDOMRenderer, type GriffelRenderer } from "@fluentui/react-components";

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}

if (typeof window !== "undefined") {
  if (!("ResizeObserver" in window)) {
    Object.defineProperty(window, "ResizeObserver", { writable: true, configurable: true, value: ResizeObserverStub });
  }
  if (!window.matchMedia) {
    Object.defineProperty(window, "matchMedia", {
      writable: true,
      configurable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }),
    });
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};
}


/**
 * A Griffel renderer for component tests that keeps only the CSS rules hiding things
 * (display:none, visibility:hidden). Testing Library's role queries call getComputedStyle on every
 * candidate and its ancestors, and jsdom matches every rule each time: with Fluent's hundreds of
 * atomic rules a query takes seconds. Colours and spacing mean nothing in jsdom; visibility does.
 * Use: <RendererProvider renderer={createTestStyleRenderer()} targetDocument={document}>.
 */
export function createTestStyleRenderer(): GriffelRenderer {
  return createDOMRenderer(document, { unstable_filterCSSRule: (rule: string) => /display:\s*none|visibility:\s*hidden/.test(rule) });
}
