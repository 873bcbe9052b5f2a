// Just enough of the `vscode` API to run the client's view code under mocha
// (VS Code itself is not available here). l10n.t translates with the
// Vietnamese bundle when `fake.language` is 'vi'.

import * as fs from 'fs';
import * as path from 'path';

export const fake = { language: 'vi', contexts: new Map<string, unknown>(), statusItems: [] as StatusBarItem[] };

const bundle: Record<string, string> = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '..', '..', 'l10n', 'bundle.l10n.vi.json'), 'utf8'),
);

export const l10n = {
  t(message: string, ...args: unknown[]): string {
    const template = fake.language === 'vi' ? bundle[message] ?? message : message;
    return template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
  },
};

export class Disposable {
  constructor(private readonly fn: () => void) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  dispose(): void {
    this.fn();
  }
}

export class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  event = (listener: (e: T) => void): Disposable => {
    this.listeners.push(listener);
    return new Disposable(() => (this.listeners = this.listeners.filter((l) => l !== listener)));
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export enum TreeItemCollapsibleState {
  None = 0,
  Collapsed = 1,
  Expanded = 2,
}

export class TreeItem {
  id?: string;
  iconPath?: unknown;
  tooltip?: unknown;
  command?: unknown;
  contextValue?: string;
  description?: string;
  constructor(
    public label: string,
    public collapsibleState: TreeItemCollapsibleState = TreeItemCollapsibleState.None,
  ) {}
}

export class ThemeColor {
  constructor(public id: string) {}
}

export class ThemeIcon {
  constructor(
    public id: string,
    public color?: ThemeColor,
  ) {}
}

export class MarkdownString {
  value = '';
  appendText(s: string): this {
    this.value += s.replace(/[\\`*_{}[\]()#+\-.!|]/g, '\\$&');
    return this;
  }
  appendMarkdown(s: string): this {
    this.value += s;
    return this;
  }
}

export class Position {
  constructor(public line: number, public character: number) {}
}

export class Range {
  start: Position;
  end: Position;
  constructor(sl: number, sc: number, el: number, ec: number) {
    this.start = new Position(sl, sc);
    this.end = new Position(el, ec);
  }
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}

export class StatusBarItem {
  text = '';
  name?: string;
  tooltip?: unknown;
  command?: unknown;
  visible = false;
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  dispose(): void {}
}

export const window = {
  createStatusBarItem(): StatusBarItem {
    const item = new StatusBarItem();
    fake.statusItems.push(item);
    return item;
  },
  createTreeView(_id: string, options: unknown) {
    return { options, description: undefined as string | undefined, dispose() {} };
  },
};

export const commands = {
  async executeCommand(id: string, ...args: unknown[]): Promise<unknown> {
    if (id === 'setContext') fake.contexts.set(String(args[0]), args[1]);
    return undefined;
  },
};
