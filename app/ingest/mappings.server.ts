/** Confirmed column mappings, remembered per workspace, kind and header signature. */
import { and, eq, sql } from "drizzle-orm";
import { columnMappings } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import type { DatasetKind } from "./kinds";
import type { ColumnMapping } from "./mapping";

export function rememberMapping(
  scope: WorkspaceScope,
  kind: DatasetKind,
  signature: string,
  mapping: ColumnMapping,
): void {
  scope.db
    .insert(columnMappings)
    .values({ workspaceId: scope.workspaceId, kind, headersSignature: signature, mapping })
    .onConflictDoUpdate({
      target: [columnMappings.workspaceId, columnMappings.kind, columnMappings.headersSignature],
      set: { mapping, updatedAt: sql`(unixepoch('subsec') * 1000)` },
    })
    .run();
}

/** The mapping last confirmed for files of this kind with these headers, if any. */
export function rememberedMapping(
  scope: WorkspaceScope,
  kind: DatasetKind,
  signature: string,
): ColumnMapping | undefined {
  return scope.first(
    columnMappings,
    and(eq(columnMappings.kind, kind), eq(columnMappings.headersSignature, signature)),
  )?.mapping;
}
