/** Task pane entry: mounts the shell, which waits for Office and then renders the app. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { detectHost } from "../excel/environment";
import { Shell } from "./Shell";
import { localeFromSearch } from "./shell/locale";

const container = document.getElementById("root");
if (!container) throw new Error("taskpane.html has no #root element");

// Defined once so the shell's effect does not re-run detection on every render.
const detect = () => detectHost();

createRoot(container).render(
  <StrictMode>
    <Shell detect={detect} locale={localeFromSearch(window.location.search)} />
  </StrictMode>,
);
