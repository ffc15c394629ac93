/**
 * An `argTypes` entry that shows `summary` as a prop's default in the docs page's props table
 * (docgen finds no default where a flow in `@facekit/core` applies it). Take it from the code.
 * @example
 * argTypes: { mode: { control: "inline-radio", ...tableDefault('"auto"') } }
 */
export const tableDefault = (summary: string) => ({ table: { defaultValue: { summary } } });
