/** "Danh mục": standard dropdowns on the recognised columns, and blank template sheets. */
import { Button, Field, Radio, RadioGroup, Spinner, useId } from "@fluentui/react-components";
import { useState } from "react";
import { PLAN_KINDS, type PlanKind } from "../domain/model";
import { kindName, usePanelStyles } from "./layout";
import { NoticeList, useTask } from "./notices";
import type { PaneServices } from "./services";
import { useStrings } from "./useStrings";

export function ListsTab({ services }: { services: PaneServices }) {
  const panel = usePanelStyles();
  const { t, format } = useStrings();
  const task = useTask();
  const [kind, setKind] = useState<PlanKind>("outbound");
  const dropdownsTitleId = useId("pane-dropdowns");
  const templateTitleId = useId("pane-template");

  const attachDropdowns = async () => {
    const outcome = await task.run(t.attaching, t.errorDropdowns, () => services.attachDropdowns());
    if (!outcome.ok) return;
    const { columns, sheets } = outcome.value;
    if (columns === 0) task.show({ intent: "warning", text: t.dropdownsNone });
    else task.show({ intent: "success", text: format(t.dropdownsDone, { columns, sheets: sheets.join(", ") }) });
  };

  const insertTemplate = async () => {
    const outcome = await task.run(t.inserting, t.errorTemplate, () => services.insertTemplate(kind));
    if (outcome.ok) task.show({ intent: "success", text: format(t.templateDone, { sheet: outcome.value }) });
  };

  return (
    <div className={panel.panel}>
      <section className={panel.section} aria-labelledby={dropdownsTitleId}>
        <h3 id={dropdownsTitleId} className={panel.heading}>
          {t.dropdownsTitle}
        </h3>
        <p className={panel.hint}>{t.dropdownsHelp}</p>
        <div className={panel.actions}>
          <Button appearance="primary" disabled={Boolean(task.busy)} onClick={attachDropdowns}>
            {t.attachDropdowns}
          </Button>
        </div>
      </section>

      <section className={panel.section} aria-labelledby={templateTitleId}>
        <h3 id={templateTitleId} className={panel.heading}>
          {t.templateTitle}
        </h3>
        <Field label={t.templateKind}>
          <RadioGroup value={kind} onChange={(_, data) => setKind(data.value as PlanKind)}>
            {PLAN_KINDS.map((planKind) => (
              <Radio key={planKind} value={planKind} label={kindName(planKind, t)} />
            ))}
          </RadioGroup>
        </Field>
        <div className={panel.actions}>
          <Button disabled={Boolean(task.busy)} onClick={insertTemplate}>
            {t.insertTemplate}
          </Button>
        </div>
      </section>

      {task.busy && <Spinner size="tiny" labelPosition="after" label={task.busy} />}
      <NoticeList notices={task.notices} onDismiss={task.dismiss} />
    </div>
  );
}
