/**
 * The Peers sheet's choices: which peer group and statistic feed the implied value, which
 * multiple, an optional share count, and which peers are left out. They take effect at the
 * next Build / Refresh (the sheet's own dropdowns change them live too). Above them, the
 * implied value these choices give and what it rests on: the statistic, how many peers and
 * which, or n/a with the reason below the minimum count.
 */
import { Caption1, Checkbox, Dropdown, Field, Input, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { MULTIPLES } from "../../model/peers/comps";
import { GROUP_LABELS, PEERS, PEER_GROUPS, SUBJECT_ID } from "../../model/peers/data";
import type { PaneStateApi } from "../hooks/usePaneState";
import { MINIMUM_NOTE, paneImpliedValue, usdB } from "../peersImplied";
import type { PeerChoices } from "../../model/paneState";
import { PaneSection } from "../sections";

const useStyles = makeStyles({
  peers: { display: "flex", flexDirection: "column" },
  implied: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
});

const STAT_LABELS: Record<PeerChoices["stat"], string> = { median: "Median", mean: "Mean", high: "High", low: "Low" };
const GROUP_OPTIONS: readonly { value: PeerChoices["group"]; label: string }[] = [{ value: "all", label: "All peers" }, ...PEER_GROUPS.map((g) => ({ value: g, label: GROUP_LABELS[g] }))];
const MULTIPLE_OPTIONS = MULTIPLES.filter((m) => m.valuation) as readonly { key: PeerChoices["multiple"]; label: string }[];

export function PeersPanel({ pane }: { readonly pane: PaneStateApi }) {
  const styles = useStyles();
  const choices = pane.state.peers;
  const [shares, setShares] = useState(choices.shares === undefined ? "" : String(choices.shares));
  const [sharesError, setSharesError] = useState<string | undefined>();
  const commitShares = () => {
    const t = shares.trim().replace(/,/g, "");
    const refusal = pane.setPeers({ shares: t === "" ? undefined : Number(t) });
    setSharesError(refusal);
  };
  return (
    <PaneSection id="peers">
      <Caption1>The comps table on the Peers sheet: the group and statistic behind Core Scientific's implied value, and the peers it uses.</Caption1>
      <ImpliedValueView pane={pane} />
      <Field label="Peer group">
        <Dropdown
          value={GROUP_OPTIONS.find((g) => g.value === choices.group)?.label}
          selectedOptions={[choices.group]}
          onOptionSelect={(_, d) => d.optionValue && pane.setPeers({ group: d.optionValue as PeerChoices["group"] })}
        >
          {GROUP_OPTIONS.map((g) => (
            <Option key={g.value} value={g.value}>
              {g.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Statistic">
        <Dropdown value={STAT_LABELS[choices.stat]} selectedOptions={[choices.stat]} onOptionSelect={(_, d) => d.optionValue && pane.setPeers({ stat: d.optionValue as PeerChoices["stat"] })}>
          {(Object.keys(STAT_LABELS) as PeerChoices["stat"][]).map((s) => (
            <Option key={s} value={s}>
              {STAT_LABELS[s]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Multiple">
        <Dropdown
          value={MULTIPLE_OPTIONS.find((m) => m.key === choices.multiple)?.label}
          selectedOptions={[choices.multiple]}
          onOptionSelect={(_, d) => d.optionValue && pane.setPeers({ multiple: d.optionValue as PeerChoices["multiple"] })}
        >
          {MULTIPLE_OPTIONS.map((m) => (
            <Option key={m.key} value={m.key}>
              {m.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Shares outstanding (optional, for a per-share value)" validationState={sharesError ? "error" : "none"} validationMessage={sharesError}>
        <Input
          value={shares}
          inputMode="numeric"
          onChange={(_, d) => setShares(d.value)}
          onBlur={commitShares}
          onKeyDown={(e) => {
            if (e.key === "Enter") commitShares();
          }}
        />
      </Field>
      <fieldset className={styles.peers}>
        <legend>Peers in the statistics</legend>
        {PEERS.filter((p) => p.id !== SUBJECT_ID).map((p) => (
          <Checkbox key={p.id} label={p.name} checked={!choices.exclude.includes(p.id)} onChange={(_, d) => pane.includePeer(p.id, d.checked === true)} />
        ))}
      </fieldset>
    </PaneSection>
  );
}

/** The implied value and its basis, or n/a with the reason: the same figure the Peers sheet shows. */
function ImpliedValueView({ pane }: { readonly pane: PaneStateApi }) {
  const styles = useStyles();
  const implied = useMemo(() => paneImpliedValue(pane.state), [pane.state]);
  if (!implied.ok) return <Caption1>Implied value: n/a ({implied.error.message})</Caption1>;
  const { scenario, year, result, published } = implied.value;
  return (
    <section className={styles.implied} aria-label="Implied value" aria-live="polite">
      {result.ok ? (
        <>
          <Text weight="semibold">
            Implied value: {usdB(result.value.value)}
            {result.value.perShare !== undefined ? ` (${result.value.perShare.toLocaleString("en-US", { style: "currency", currency: "USD" })} per share)` : ""}
          </Text>
          <Caption1>
            Basis: {result.value.basis}
            {published ? ` (${published})` : ""}.
          </Caption1>
        </>
      ) : (
        <>
          <Text weight="semibold">Implied value: n/a</Text>
          <Caption1>Why: {result.error.message}.</Caption1>
        </>
      )}
      <Caption1>
        For {scenario} ({year}), with the sourced figures (figures you type over them on the Peers sheet move the sheet&apos;s number, not this one); {MINIMUM_NOTE}
      </Caption1>
    </section>
  );
}
