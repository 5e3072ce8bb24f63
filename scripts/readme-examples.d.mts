export interface FencedBlock {
  line: number;
  lang: string;
  body: string;
  bodyLine: number;
  marker: { name: string; text: string; line: number } | null;
}
export interface PlanStep {
  block: FencedBlock;
  action: 'run' | 'expect' | 'skip' | 'commands' | 'headers';
  kind?: 'shell' | 'graphql';
  code?: string;
  reason?: string;
  headers?: Record<string, string>;
}
export declare const README_GATEWAY: string;
export declare const CI_TAG: string;
export function fencedBlocks(markdown: string): FencedBlock[];
export function classify(blocks: FencedBlock[], file?: string): { plan: PlanStep[]; problems: string[] };
export function shellCommands(body: string): string[];
export function ciCommands(ciText: string): { tagged: string[]; untagged: Array<{ line: number; text: string }> };
export function compareCommands(
  readmeCommands: string[],
  ci: { tagged: string[]; untagged: Array<{ line: number; text: string }> },
  ciFile?: string,
): string[];
export function demoKey(id: string): string;
export function expandDemoKeys(text: string): string;
export function toGateway(text: string, gateway: string): { text: string; stray: string[] };
export function staticProblems(input?: {
  readme?: string;
  ci?: string;
  sources?: { gatewayConfig: string; ingestCli: string };
}): { plan: PlanStep[]; problems: string[] };
export function firstField(query: string): string;
