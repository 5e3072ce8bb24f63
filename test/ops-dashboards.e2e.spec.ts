import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parser } from '@prometheus-io/lezer-promql';
import { parse } from 'yaml';
import { AccessLogSeal } from '../apps/catalog/src/audit/access-log-seal.js';
import { REGISTER, REGISTER_ADDRESS, aLegalEntity, aStandardAddress } from './support/fixtures.js';
import { TestHub } from './support/test-hub.js';

/**
 * The operations view (deploy/prometheus/alerts.yml, deploy/grafana/hub-dashboard.json) is only
 * worth something if its queries find data: every rule is complete and points to its runbook in
 * docs/operations.md, and every metric its PromQL names is one the running hub exports.
 */

interface Rule {
  alert?: string;
  expr?: string;
  for?: string;
  labels?: { severity?: string };
  annotations?: { summary?: string; description?: string; runbook?: string };
}
interface Panel {
  type: string;
  title?: string;
  targets?: Array<{ expr?: string; refId?: string }>;
  panels?: Panel[];
}

const alerts = parse(readFileSync('deploy/prometheus/alerts.yml', 'utf8')) as {
  groups: Array<{ name: string; rules: Rule[] }>;
};
const dashboard = JSON.parse(readFileSync('deploy/grafana/hub-dashboard.json', 'utf8')) as {
  title: string;
  panels: Panel[];
  templating: { list: Array<{ name: string; type: string; query: string }> };
};
const operations = readFileSync('docs/operations.md', 'utf8');

const rules = alerts.groups.flatMap((g) => g.rules);
const panels = (list: Panel[]): Panel[] => list.flatMap((p) => [p, ...panels(p.panels ?? [])]);
const dashboardExprs = panels(dashboard.panels).flatMap((p) => (p.targets ?? []).map((t) => t.expr ?? ''));

/**
 * An expression parsed by Prometheus' own PromQL grammar (@prometheus-io/lezer-promql, the parser
 * of Prometheus' web UI): its syntax errors and the metric names it selects. Grafana's interval
 * variables are replaced by a duration first, as Grafana does before it sends the query.
 */
export function promql(expr: string): { errors: string[]; metrics: string[] } {
  const text = expr.replace(/\$__(?:rate_interval|interval|range)\b/g, '5m');
  const errors: string[] = [];
  const metrics = new Set<string>();
  parser.parse(text).iterate({
    enter(node) {
      if (node.type.isError)
        errors.push(`syntax error at ${node.from}: …${text.slice(Math.max(0, node.from - 20), node.from + 20)}…`);
      // A selector's metric name is the Identifier directly under VectorSelector.
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector')
        metrics.add(text.slice(node.from, node.to));
    },
  });
  return { errors, metrics: [...metrics] };
}

const metricNames = (expr: string): string[] => promql(expr).metrics;

/** The anchors of a Markdown document: explicit `<a id>`s and GitHub's heading slugs. */
function anchors(markdown: string): Set<string> {
  const ids = [...markdown.matchAll(/<a id="([^"]+)">/g)].map((m) => m[1]);
  const slugs = [...markdown.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) =>
    m[1]
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-'),
  );
  return new Set([...ids, ...slugs]);
}

describe('alert rules and dashboard: structure', () => {
  it('promql finds the selected metrics, not functions, labels or durations, and refuses bad syntax', () => {
    expect(
      promql(
        'histogram_quantile(0.99, sum by (app, le) (rate(hub_x_bucket{outcome="error"}[$__rate_interval]))) > 1 and time() - max(hub_y) > 900',
      ),
    ).toEqual({ errors: [], metrics: ['hub_x_bucket', 'hub_y'] });
    expect(promql('sum(rate(x{a="(("}[5m]))').errors).toEqual([]);
    expect(promql('sum(rate(x[5m])').errors).not.toEqual([]);
    expect(promql('rate(x[5m]) >').errors).not.toEqual([]);
    expect(promql('sum by (a (x)').errors).not.toEqual([]);
  });

  it('every PromQL expression parses with Prometheus’ grammar', () => {
    for (const expr of [...rules.map((r) => r.expr ?? ''), ...dashboardExprs])
      expect(promql(expr).errors, expr).toEqual([]);
  });

  it('every rule has alert, expr, for, severity, summary, description and a runbook whose anchor exists in docs/operations.md', () => {
    expect(rules.length).toBeGreaterThanOrEqual(10);
    const known = anchors(operations);
    for (const rule of rules) {
      expect(rule.alert, JSON.stringify(rule)).toMatch(/^[A-Za-z][A-Za-z0-9]+$/);
      expect(rule.expr?.trim(), rule.alert).toBeTruthy();
      expect(rule.for, rule.alert).toMatch(/^\d+[smhd]$/);
      expect(['warning', 'critical'], rule.alert).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary, rule.alert).toBeTruthy();
      expect(rule.annotations?.description, rule.alert).toBeTruthy();
      const runbook = rule.annotations?.runbook ?? '';
      expect(runbook, rule.alert).toMatch(/^docs\/operations\.md#.+/);
      expect([...known], `${rule.alert}: anchor of ${runbook}`).toContain(runbook.split('#')[1]);
    }
    expect(new Set(rules.map((r) => r.alert)).size).toBe(rules.length);
  });

  it('the dashboard has panels with PromQL targets on a Prometheus datasource variable, and no external URL', () => {
    const variable = dashboard.templating.list.find((v) => v.type === 'datasource');
    expect(variable).toMatchObject({ name: 'datasource', query: 'prometheus' });
    const graphs = panels(dashboard.panels).filter((p) => p.type !== 'row');
    expect(graphs.length).toBeGreaterThanOrEqual(10);
    for (const panel of graphs) {
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets!) expect(metricNames(target.expr ?? ''), panel.title).not.toEqual([]);
    }
    expect(JSON.stringify(dashboard)).not.toMatch(/https?:\/\//);
  });
});

describe('alert rules and dashboard: every metric they use is exported by the running hub', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await TestHub.start();
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('finds each metric name on some app’s /metrics', async () => {
    // Requests that create the lazily created series: operations (ok and refused), access
    // records, an event that a consumer of another library handles.
    const address = aStandardAddress('440604', '季华五路', 88);
    expect((await hub.graphql(REGISTER_ADDRESS, { input: address })).errors).toBeUndefined();
    const company = aLegalEntity()
      .with({ registeredAddress: '季华五路８８号', registeredAddressDivisionCode: '440604' })
      .build();
    expect((await hub.graphql(REGISTER, { input: company })).errors).toBeUndefined();
    await hub.graphql('query Broken { noSuchField }');
    // A bulk extract (ingest progress and outcomes) and a checkpoint of the access log (every
    // minute in a running hub; called here rather than waited for).
    const ingested = await hub.ingest('legal-entities', JSON.stringify(aLegalEntity().build()), 'application/x-ndjson');
    expect(ingested.status).toBe(200);
    expect(await hub.app('catalog').get(AccessLogSeal).seal('shutdown')).not.toBeNull();
    const scrape = async (app: string) => {
      const base = app === 'gateway' ? hub.gatewayUrl : hub.subgraphUrls[app];
      const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${hub.operatorToken}` } });
      expect(response.status, app).toBe(200);
      return response.text();
    };
    // The geospatial library geocodes the registered address from the legal-entity event.
    await hub.eventually(async () => expect(await scrape('geospatial')).toMatch(/^hub_events_consumer_lag_seconds\{/m));

    const apps = ['gateway', ...Object.keys(hub.subgraphUrls)];
    const scraped = await Promise.all(apps.map(scrape));
    const exported = new Set(
      scraped.flatMap((text) =>
        text
          .split('\n')
          .filter((l) => l && !l.startsWith('#'))
          .map((l) => l.split(/[{ ]/)[0]),
      ),
    );

    const used = new Set([...rules.map((r) => r.expr ?? ''), ...dashboardExprs].flatMap(metricNames));
    expect(used.size).toBeGreaterThanOrEqual(15);
    const missing = [...used].filter((name) => !exported.has(name));
    expect(missing).toEqual([]);
  }, 120_000);
});
