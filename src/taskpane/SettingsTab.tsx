/** "Cài đặt": profile, plan year, key leaders, leadership size, language, and a department's own profile. */
import { Button, Field, Input, Label, Radio, RadioGroup, Spinner, Textarea, useId } from "@fluentui/react-components";
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import type { CheckSettings } from "../domain/settings";
import { stringsFor } from "../i18n";
import { usePanelStyles } from "./layout";
import { SelfTestSection } from "./SelfTestSection";
import { NoticeList, errorText, useTask } from "./notices";
import type { PaneServices, ProfileSummary } from "./services";
import { useStrings } from "./useStrings";

interface Draft {
  profileId: string;
  year: string;
  keyLeaders: string;
  leadershipSize: string;
  parentAgency: string;
  agencyName: string;
  locale: "vi" | "en";
}

function toDraft(settings: CheckSettings): Draft {
  return {
    profileId: settings.profileId,
    year: String(settings.year),
    keyLeaders: (settings.keyLeaderNames ?? []).join("\n"),
    leadershipSize: settings.leadershipSize === undefined ? "" : String(settings.leadershipSize),
    parentAgency: settings.agency?.parent ?? "",
    agencyName: settings.agency?.name ?? "",
    locale: settings.locale,
  };
}

const WHOLE_NUMBER = /^\d+$/;
/** How a profile marks a value no document states (the department may change it). */
const INFERRED = "(suy luận)";

/** The settings a draft stands for, or which fields are invalid. */
export function fromDraft(draft: Draft): { settings?: CheckSettings; yearInvalid: boolean; sizeInvalid: boolean } {
  const yearText = draft.year.trim();
  const year = Number(yearText);
  const yearInvalid = !WHOLE_NUMBER.test(yearText) || year < 2000 || year > 2100;
  const sizeText = draft.leadershipSize.trim();
  const sizeInvalid = sizeText !== "" && (!WHOLE_NUMBER.test(sizeText) || Number(sizeText) < 1);
  if (yearInvalid || sizeInvalid) return { yearInvalid, sizeInvalid };
  const keyLeaderNames = draft.keyLeaders
    .split(/\r?\n/)
    .map((name) => name.trim())
    .filter((name) => name !== "");
  const settings: CheckSettings = { profileId: draft.profileId, year, locale: draft.locale };
  if (sizeText !== "") settings.leadershipSize = Number(sizeText);
  if (keyLeaderNames.length > 0) settings.keyLeaderNames = keyLeaderNames;
  const parent = draft.parentAgency.replace(/\s+/g, " ").trim();
  const name = draft.agencyName.replace(/\s+/g, " ").trim();
  if (parent !== "" || name !== "") settings.agency = { ...(parent !== "" ? { parent } : {}), ...(name !== "" ? { name } : {}) };
  return { settings, yearInvalid, sizeInvalid };
}

/** FileReader rather than Blob.text(): older Office webviews lack the latter. */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader"));
    reader.readAsText(file, "utf-8");
  });
}

interface Props {
  services: PaneServices;
  settings: CheckSettings;
  onSaved(settings: CheckSettings): void;
}

export function SettingsTab({ services, settings, onSaved }: Props) {
  const panel = usePanelStyles();
  const { t, format } = useStrings();
  const task = useTask();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [showErrors, setShowErrors] = useState(false);
  const [initialList] = useState(() => listProfiles(services));
  const [profiles, setProfiles] = useState<ProfileSummary[]>(initialList.profiles);
  const fileInput = useRef<HTMLInputElement>(null);
  const [chosenFile, setChosenFile] = useState<string>();
  const summaryId = useId("pane-profile-summary");
  const jsonLabelId = useId("pane-profile-json");
  const jsonHintId = useId("pane-profile-json-hint");
  const jsonFileId = useId("pane-profile-json-file");

  const checked = fromDraft(draft);
  const selected = profiles.find((profile) => profile.id === draft.profileId);
  const update = (patch: Partial<Draft>) => setDraft((old) => ({ ...old, ...patch }));
  // The language can change from outside (the playground's button): the choice shown follows it.
  useEffect(() => setDraft((old) => (old.locale === settings.locale ? old : { ...old, locale: settings.locale })), [settings.locale]);

  const save = async () => {
    setShowErrors(true);
    const next = checked.settings;
    if (!next) return;
    const outcome = await task.run(t.saving, t.errorSettingsSave, () => services.saveSettings(next));
    if (!outcome.ok) return;
    onSaved(next);
    // Said in the language just chosen.
    task.show({ intent: "success", text: stringsFor(next.locale).pane.saved });
  };

  const loadProfile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setChosenFile(file.name);
    await task.run(t.loadingProfile, t.errorProfile, async () => {
      const loaded = services.loadProfileJson(await readText(file));
      if (!loaded.ok) {
        task.show({ intent: "error", title: format(t.profileErrors, { count: loaded.errors.length }), items: loaded.errors });
        return;
      }
      const list = services.listProfiles();
      setProfiles(list);
      update({ profileId: loaded.id });
      const name = list.find((profile) => profile.id === loaded.id)?.name ?? loaded.id;
      task.show({ intent: "success", text: format(t.profileLoaded, { name }) });
    });
    // Let the same file be chosen again after it is corrected.
    if (fileInput.current) fileInput.current.value = "";
  };

  return (
    <div className={panel.panel}>
    <form
      className={panel.panel}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Field label={t.year} validationMessage={showErrors && checked.yearInvalid ? t.yearInvalid : undefined}>
        <Input type="number" inputMode="numeric" min={2000} max={2100} value={draft.year} onChange={(_, data) => update({ year: data.value })} />
      </Field>

      <Field label={t.profile}>
        {/* Radios, not a select: a select cuts long profile names at the pane's 320 px; radio labels wrap. */}
        <RadioGroup value={draft.profileId} aria-describedby={summaryId} onChange={(_, data) => update({ profileId: data.value })}>
          {!selected && <Radio value={draft.profileId} label={draft.profileId} />}
          {profiles.map((profile) => (
            <Radio key={profile.id} value={profile.id} label={profile.name} />
          ))}
        </RadioGroup>
      </Field>
      {/* The details are many lines: folded, so the fields below stay in view. */}
      <details className={panel.details}>
        <summary>{t.profileDetails}</summary>
        <ul id={summaryId} className={panel.plainList}>
          {(selected?.summary ?? []).map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
        {selected?.summary.some((line) => line.includes(INFERRED)) && <p className={panel.hint}>{t.inferredNote}</p>}
      </details>

      {/* A Fluent button in the pane's language opens the hidden native picker, whose own texts follow the browser's. */}
      <div className={panel.section} role="group" aria-labelledby={jsonLabelId}>
        <Label id={jsonLabelId}>{t.profileJson}</Label>
        <div className={panel.actions}>
          <Button disabled={Boolean(task.busy)} aria-describedby={`${jsonFileId} ${jsonHintId}`} onClick={() => fileInput.current?.click()}>
            {t.profileJsonChoose}
          </Button>
          <span id={jsonFileId} className={panel.hint} aria-live="polite">
            {chosenFile === undefined ? t.profileJsonNone : format(t.profileJsonChosen, { file: chosenFile })}
          </span>
        </div>
        <p id={jsonHintId} className={panel.hint}>
          {t.profileJsonHint}
        </p>
        <input ref={fileInput} type="file" accept=".json,application/json" hidden tabIndex={-1} aria-labelledby={jsonLabelId} onChange={loadProfile} />
      </div>

      <Field label={t.keyLeaders}>
        <Textarea resize="vertical" rows={3} value={draft.keyLeaders} onChange={(_, data) => update({ keyLeaders: data.value })} />
      </Field>

      <Field
        label={t.leadershipSize}
        hint={t.leadershipSizeHint}
        validationMessage={showErrors && checked.sizeInvalid ? t.leadershipSizeInvalid : undefined}
      >
        <Input
          type="number"
          inputMode="numeric"
          min={1}
          value={draft.leadershipSize}
          onChange={(_, data) => update({ leadershipSize: data.value })}
        />
      </Field>

      <Field label={t.agencyParent} hint={t.agencyHint}>
        <Input value={draft.parentAgency} maxLength={120} onChange={(_, data) => update({ parentAgency: data.value })} />
      </Field>

      <Field label={t.agencyName}>
        <Input value={draft.agencyName} maxLength={120} onChange={(_, data) => update({ agencyName: data.value })} />
      </Field>

      <Field label={t.language}>
        <RadioGroup value={draft.locale} onChange={(_, data) => update({ locale: data.value === "en" ? "en" : "vi" })}>
          <Radio value="vi" label={t.languageVi} />
          <Radio value="en" label={t.languageEn} />
        </RadioGroup>
      </Field>

      <div className={panel.actions}>
        <Button appearance="primary" type="submit" disabled={Boolean(task.busy)}>
          {t.save}
        </Button>
      </div>
      {task.busy && <Spinner size="tiny" labelPosition="after" label={task.busy} />}
      <NoticeList notices={task.notices} onDismiss={task.dismiss} />
      {initialList.error !== undefined && (
        <NoticeList notices={[{ intent: "error", title: t.errorProfiles, text: errorText(initialList.error, t.errorUnknown) }]} />
      )}
    </form>
    {services.runSelfTest && <SelfTestSection run={() => services.runSelfTest!()} />}
    </div>
  );
}

function listProfiles(services: PaneServices): { profiles: ProfileSummary[]; error?: unknown } {
  try {
    return { profiles: services.listProfiles() };
  } catch (error) {
    return { profiles: [], error };
  }
}
