/**
 * The task pane's services over the playground's workbook.
 * INTERIM: until the lead's createPaneServices (src/app/paneServices.ts) is merged, the pane runs on the
 * taskpane's fake services; the grid still shows the workbook. Replaced by one call when it lands.
 */
import type { PaneServices } from "../taskpane/services";
import type { XlsxWorkbookHost } from "../xlsx/XlsxWorkbookHost";
import { createFakeServices } from "../../test/taskpane/fakeServices";

export function servicesFor(_host: XlsxWorkbookHost): PaneServices {
  return createFakeServices();
}
