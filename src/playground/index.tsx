/**
 * The playground entry: the page's static banner is already shown by playground.html; this mounts the
 * playground (toolbar, grid, the add-in's task pane) below it. ?lang=en starts it in English,
 * ?sample=0 starts without opening the bundled sample.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Playground } from "./Playground";

const container = document.getElementById("app");
if (!container) throw new Error("playground.html has no #app element");

const search = new URLSearchParams(window.location.search);
createRoot(container).render(
  <StrictMode>
    <Playground locale={search.get("lang") === "en" ? "en" : "vi"} openSampleOnLoad={search.get("sample") !== "0"} />
  </StrictMode>,
);
