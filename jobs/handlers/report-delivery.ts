/**
 * Sends one report delivery (enqueued by the scheduler tick or "Send now"); the work is in
 * app/delivery/run-delivery.server.ts. Transient SMTP failures are retried by the queue
 * (DELIVERY_MAX_ATTEMPTS); rejections and unbuildable reports fail permanently.
 */

import { z } from "zod";
import { type Db, getDb } from "#db/client";
import { scopeTo } from "#db/scoped";
import type { MailSettings, SendMail } from "~/delivery/mail-transport.server";
import { runDelivery } from "~/delivery/run-delivery.server";
import { REPORT_DELIVERY_JOB } from "../delivery-schedule";
import { PermanentJobError } from "../errors";
import { defineHandler } from "../registry";

const Payload = z.object({
  workspaceId: z.number().int(),
  deliveryId: z.number().int(),
  trigger: z.enum(["schedule", "manual"]).default("schedule"),
  dueAt: z.string().optional(),
});

export interface DeliveryHandlerDeps {
  db?: () => Db;
  mail?: () => MailSettings;
  send?: SendMail;
  now?: () => Date;
}

export function createReportDeliveryHandler(deps: DeliveryHandlerDeps = {}) {
  return defineHandler(REPORT_DELIVERY_JOB, Payload, async (payload, ctx) => {
    if (ctx.workspaceId !== null && ctx.workspaceId !== payload.workspaceId) {
      throw new PermanentJobError("The job's workspace and its payload disagree");
    }
    const result = await runDelivery(
      scopeTo((deps.db ?? getDb)(), payload.workspaceId),
      payload.deliveryId,
      {
        trigger: payload.trigger,
        now: deps.now?.(),
        mail: deps.mail?.(),
        send: deps.send,
      },
    );
    return { ...result };
  });
}

export const reportDeliveryHandler = createReportDeliveryHandler();
