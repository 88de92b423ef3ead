/**
 * Scheduled report e-mails, sent to a real SMTP server on 127.0.0.1 started here: the
 * scheduler enqueues a due delivery once however often it ticks; the job sends To, Subject,
 * a working fresh link and the CSV exactly as exported (formula-safe); the next due time is
 * the workspace's local hour; a 550 rejection is recorded and not retried; without SMTP
 * nothing is sent and the delivery says why; a revoked link is not sent; recipients are
 * checked with messages naming the bad address; only editors manage, only in their workspace.
 */
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

delete process.env.SMTP_URL; // the page's "not configured" state reads the real config

import { campaigns } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { deliverySchedulerTick, REPORT_DELIVERY_JOB } from "#jobs/delivery-schedule";
import { createReportDeliveryHandler } from "#jobs/handlers/report-delivery";
import { claimNext, complete, fail, getJob } from "#jobs/queue";
import { schema } from "~/db.server";
import {
  createDelivery,
  DeliveryInputSchema,
  deleteDelivery,
  findDelivery,
  pauseDelivery,
  resumeDelivery,
} from "~/delivery/deliveries.server";
import { SMTP_NOT_CONFIGURED } from "~/delivery/mail-transport.server";
import { RecipientsSchema } from "~/delivery/recipients";
import { englishMessage } from "~/i18n/english";
import { localeT } from "~/i18n/locale-t";
import { translateMessage } from "~/i18n/message";
import { createReport } from "~/reports/reports.server";
import * as deliveryPage from "~/routes/w.$workspace.reports.$report.delivery";
import { hashShareToken } from "~/sharing/share-links.server";
import { createUser } from "~/users.server";
import { createWorkspace, inviteMember } from "~/workspace.server";
import { cookieFor, requestAs, settle } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";
import { attachments, parseMime, partOfType } from "./mime";
import { startTestSmtp, type TestSmtp } from "./smtp-test-server";

const { db } = setUpTestDb();
const context = { clientAddress: "127.0.0.1" };
const PUBLIC_URL = "https://cs.example.test";
const FROM = "Channelscope <reports@cs.example.test>";

const owner = await createUser({
  email: "owner@shop.test",
  name: "O",
  password: "correct horse battery",
});
const workspace = createWorkspace({ slug: "shop", name: "Shop & Co" }, owner);
const scope = scopeTo(db, workspace.id);
await createUser({ email: "viewer@shop.test", name: "V", password: "correct horse battery" });
inviteMember(
  { user: owner, workspace, role: "owner", scope },
  { email: "viewer@shop.test", role: "viewer" },
);
const viewerId = db.$client
  .prepare("SELECT id FROM users WHERE email = 'viewer@shop.test'")
  .pluck()
  .get() as number;
const stranger = await createUser({
  email: "x@other.test",
  name: "X",
  password: "correct horse battery",
});
createWorkspace({ slug: "other", name: "Other" }, stranger);

// Search: spend 100, revenue 400 → ROI 3. A channel named like a formula must stay text.
for (const [channel, spend, revenue] of [
  ["Search", 100, 400],
  ['=HYPERLINK("x")', 50, 50],
] as const)
  scope.insert(campaigns, {
    campaignKey: `${channel}-1`,
    name: `${channel} spring`,
    channel,
    date: "2025-03-01",
    spend,
    revenue,
    rowHash: channel,
  });
const report = createReport(scope, owner.id, {
  kind: "campaign-roi",
  title: 'Q1 <b>ROI</b> & "spend"',
  note: "For Ayşe <script>",
  mode: "snapshot",
  params: { from: "2025-03-01", to: "2025-03-31", by: "channel" },
});

let smtp: TestSmtp;
let rejecting: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  rejecting = await startTestSmtp({ rejectWith: 550 });
});
afterAll(async () => {
  await smtp.close();
  await rejecting.close();
});

/** Claims the next delivery job and runs it through the queue's own complete/fail rules. */
async function runNextJob(smtpUrl: string | undefined, now: Date) {
  const handler = createReportDeliveryHandler({
    db: () => db,
    mail: () => ({ smtpUrl, from: FROM, publicUrl: PUBLIC_URL }),
    now: () => now,
  });
  const job = claimNext(db, "test-worker", 60_000, now.getTime(), [REPORT_DELIVERY_JOB]);
  if (!job) return undefined;
  try {
    const result = await handler.execute(job.payload, {
      jobId: job.id,
      workspaceId: job.workspaceId,
      attempt: job.attempts,
      maxAttempts: job.maxAttempts,
      signal: new AbortController().signal,
      progress: () => {},
      holdLease: () => {},
    });
    complete(db, job.id, "test-worker", result, now.getTime());
  } catch (error) {
    fail(db, job.id, "test-worker", error, now.getTime());
  }
  return getJob(db, job.id);
}

// Each test starts with no deliveries and no queued jobs, so a tick sees only its own.
afterEach(() => {
  db.delete(schema.reportDeliveries).run();
  db.delete(schema.jobs).run();
  db.delete(schema.shareLinks).run();
  smtp.received.length = 0;
});

const linksOf = (reportId: number) =>
  db.select().from(schema.shareLinks).where(eq(schema.shareLinks.reportId, reportId)).all();

// Wednesday 7 January 2026, 00:00 UTC.
const WEDNESDAY = new Date("2026-01-07T00:00:00Z");

describe("report deliveries", () => {
  it("schedules in the workspace's time zone", async () => {
    expect(workspace.timeZone).toBe("Europe/Istanbul");
    const weekly = await createDelivery(
      scope,
      owner.id,
      report.id,
      { cadence: "weekly", weekday: 1, hour: 9, recipients: "a@shop.test", attachCsv: true },
      WEDNESDAY,
    );
    // Monday 12 January 09:00 in Istanbul (UTC+3) is 06:00 UTC.
    expect(weekly.cron).toBe("0 9 * * 1");
    expect(weekly.nextRunAt?.toISOString()).toBe("2026-01-12T06:00:00.000Z");
    const monthly = await createDelivery(
      scope,
      owner.id,
      report.id,
      { cadence: "monthly", day: 1, hour: 8, recipients: "a@shop.test", attachCsv: false },
      WEDNESDAY,
    );
    expect(monthly.cron).toBe("0 8 1 * *");
    expect(monthly.nextRunAt?.toISOString()).toBe("2026-02-01T05:00:00.000Z");
    // Paused: no next run; resumed on Tuesday 13th, counts from then (next Monday the 19th).
    pauseDelivery(scope, owner.id, weekly.id, WEDNESDAY);
    expect(findDelivery(scope, weekly.id)?.nextRunAt).toBeNull();
    resumeDelivery(scope, owner.id, weekly.id, new Date("2026-01-13T00:00:00Z"));
    expect(findDelivery(scope, weekly.id)?.nextRunAt?.toISOString()).toBe(
      "2026-01-19T06:00:00.000Z",
    );
    // Deleting a delivery deletes the link it carried.
    expect(linksOf(report.id)).toHaveLength(2);
    for (const id of [weekly.id, monthly.id])
      expect(deleteDelivery(scope, owner.id, id)).toBe(true);
    expect(linksOf(report.id)).toEqual([]);
  });

  it("checks recipients and names the bad address", () => {
    expect(RecipientsSchema.parse(" Ayse@Bank.TEST, ayse@bank.test;\nb@x.test ")).toEqual([
      "ayse@bank.test",
      "b@x.test",
    ]);
    const bad = RecipientsSchema.safeParse("ok@x.test, nope, also@bad");
    expect(englishMessage(bad.error?.issues[0]?.message)).toBe(
      'These are not e-mail addresses: "nope", "also@bad"',
    );
    expect(englishMessage(RecipientsSchema.safeParse("nope").error?.issues[0]?.message)).toBe(
      '"nope" is not an e-mail address',
    );
    expect(englishMessage(RecipientsSchema.safeParse(" , ").error?.issues[0]?.message)).toBe(
      "Enter at least one e-mail address",
    );
    const many = Array.from({ length: 21 }, (_, i) => `p${i}@x.test`).join(",");
    expect(englishMessage(RecipientsSchema.safeParse(many).error?.issues[0]?.message)).toBe(
      "At most 20 recipients (you entered 21)",
    );
    const day = DeliveryInputSchema.safeParse({
      cadence: "monthly",
      day: 31,
      hour: 9,
      recipients: "a@x.test",
    });
    expect(englishMessage(day.error?.issues[0]?.message)).toBe(
      "Choose a day of the month from 1 to 28",
    );
    // The delivery page words them in its reader's language.
    const notAddresses = bad.error?.issues[0]?.message;
    expect(translateMessage(localeT("tr"), notAddresses)).toBe(
      'Bunlar e-posta adresi değil: "nope", "also@bad"',
    );
    expect(translateMessage(localeT("ru"), notAddresses)).toBe(
      'Это не адреса электронной почты: "nope", "also@bad"',
    );
    const tooMany = RecipientsSchema.safeParse(many).error?.issues[0]?.message;
    expect(translateMessage(localeT("tr"), tooMany)).toBe(
      "En fazla 20 alıcı olabilir (21 girdiniz)",
    );
    expect(translateMessage(localeT("ru"), tooMany)).toBe("Не больше 20 получателей (вы ввели 21)");
    expect(translateMessage(localeT("tr"), day.error?.issues[0]?.message)).toBe(
      "Ayın 1 ile 28 arasındaki bir gününü seçin",
    );
    expect(translateMessage(localeT("ru"), day.error?.issues[0]?.message)).toBe(
      "Выберите день месяца от 1 до 28",
    );
  });

  it("sends a due delivery once, with a fresh link and the CSV as exported", async () => {
    const delivery = await createDelivery(
      scope,
      owner.id,
      report.id,
      {
        cadence: "weekly",
        weekday: 1,
        hour: 9,
        recipients: "Boss@Shop.test, team@shop.test",
        attachCsv: true,
      },
      WEDNESDAY,
    );
    const creationLink = delivery.shareLinkId;
    const due = new Date("2026-01-12T06:00:00Z");
    expect(deliverySchedulerTick(db, new Date("2026-01-12T05:59:59Z"))).toEqual([]);
    // Two workers tick at the due time (and one a second later): one job.
    const first = deliverySchedulerTick(db, due);
    const second = deliverySchedulerTick(db, due);
    const third = deliverySchedulerTick(db, new Date(due.getTime() + 1000));
    expect(first).toHaveLength(1);
    expect([...second, ...third]).toEqual([]);
    expect(getJob(db, first[0]!)?.dedupeKey).toBe(
      `delivery:${delivery.id}:2026-01-12T06:00:00.000Z`,
    );
    expect(findDelivery(scope, delivery.id)?.nextRunAt?.toISOString()).toBe(
      "2026-01-19T06:00:00.000Z",
    );

    const job = await runNextJob(smtp.url, due);
    expect(job?.status).toBe("succeeded");
    expect(await runNextJob(smtp.url, due)).toBeUndefined();
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(["boss@shop.test", "team@shop.test"]);
    const message = parseMime(mail.raw);
    expect(message.headers.to).toBe("boss@shop.test, team@shop.test");
    expect(message.headers.from).toBe(FROM);
    expect(message.headers.subject).toBe(
      'Q1 <b>ROI</b> & "spend" — Shop & Co (Channelscope report)',
    );

    const text = partOfType(message, "text/plain")!.body.toString("utf8");
    const token = /https:\/\/cs\.example\.test\/s\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];
    expect(token).toBeDefined();
    expect(text).toContain("Campaign ROI · 2025-03-01 to 2025-03-31 · figures-by-channel: 3 rows");
    const html = partOfType(message, "text/html")!.body.toString("utf8");
    expect(html).toContain(
      '<h1 style="font-size:20px">Q1 &lt;b&gt;ROI&lt;/b&gt; &amp; &quot;spend&quot;</h1>',
    );
    expect(html).toContain("For Ayşe &lt;script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toContain(`href="https://cs.example.test/s/${token}"`);

    // The link in the mail is the delivery's link now; the one made at creation is gone.
    const after = findDelivery(scope, delivery.id)!;
    expect(after.lastSentAt?.toISOString()).toBe(due.toISOString());
    expect(after.lastError).toBeNull();
    const links = linksOf(report.id);
    expect(links.map((l) => l.id)).toEqual([after.shareLinkId]);
    expect(links[0]?.tokenHash).toBe(hashShareToken(token!));
    expect(after.shareLinkId).not.toBe(creationLink);
    expect(links[0]?.expiresAt.toISOString()).toBe("2026-01-26T06:00:00.000Z");

    const files = attachments(message);
    expect(files.map((f) => f.filename)).toEqual([
      "q1-b-roi-b-spend-figures-by-channel.csv",
      "q1-b-roi-b-spend-campaigns.csv",
    ]);
    const lines = files[0]!.content.split("\r\n");
    expect(lines[0]?.startsWith("\uFEFFchannel,")).toBe(true);
    const header = lines[0]!.replace("\uFEFF", "").split(",");
    const cells = (channel: string) => lines.find((l) => l.startsWith(channel))?.split(",");
    expect(cells("Search")?.[header.indexOf("roi")]).toBe("3");
    expect(cells("Search")?.[header.indexOf("spend")]).toBe("100");
    // The formula-like channel is written as text ('=...), quoted for its comma-free quotes.
    expect(files[0]!.content).toContain(`"'=HYPERLINK(""x"")"`);
    expect(files[0]!.content).not.toMatch(/(^|,)=HYPERLINK/m);
    smtp.received.length = 0;
  });

  it("records a 550 rejection once and does not retry", async () => {
    const delivery = await createDelivery(
      scope,
      owner.id,
      report.id,
      { cadence: "monthly", day: 1, hour: 8, recipients: "gone@shop.test", attachCsv: false },
      WEDNESDAY,
    );
    const linksBefore = linksOf(report.id)
      .map((l) => l.id)
      .sort();
    const due = new Date("2026-02-01T05:00:00Z");
    expect(deliverySchedulerTick(db, due)).toHaveLength(1);
    const job = await runNextJob(rejecting.url, due);
    expect(job?.status).toBe("dead");
    expect(job?.attempts).toBe(1);
    expect(await runNextJob(rejecting.url, new Date(due.getTime() + 3_600_000))).toBeUndefined();
    const after = findDelivery(scope, delivery.id)!;
    expect(englishMessage(after.lastError)).toMatch(/^Rejected by the mail server: .*550/);
    expect(translateMessage(localeT("tr"), after.lastError)).toMatch(
      /^Posta sunucusu reddetti: .*550/,
    );
    expect(translateMessage(localeT("ru"), after.lastError)).toMatch(
      /^Почтовый сервер отклонил письмо: .*550/,
    );
    expect(after.lastSentAt).toBeNull();
    // The link made for the failed e-mail was dropped; the delivery keeps its previous one.
    expect(
      linksOf(report.id)
        .map((l) => l.id)
        .sort(),
    ).toEqual(linksBefore);
    expect(after.shareLinkId).toBe(delivery.shareLinkId);
  });

  it("sends no link once someone revoked the delivery's link", async () => {
    const delivery = await createDelivery(
      scope,
      owner.id,
      report.id,
      { cadence: "weekly", weekday: 3, hour: 10, recipients: "c@shop.test", attachCsv: false },
      WEDNESDAY,
    );
    db.update(schema.shareLinks)
      .set({ revokedAt: WEDNESDAY })
      .where(eq(schema.shareLinks.id, delivery.shareLinkId!))
      .run();
    const due = delivery.nextRunAt!;
    expect(deliverySchedulerTick(db, due)).toHaveLength(1);
    expect((await runNextJob(smtp.url, due))?.status).toBe("succeeded");
    const text = partOfType(parseMime(smtp.received[0]!.raw), "text/plain")!.body.toString("utf8");
    expect(text).toContain(
      "The link to this report is not available (the delivery's link was revoked)",
    );
    expect(text).not.toContain("/s/");
    expect(text).toContain("No CSV attached.");
    expect(attachments(parseMime(smtp.received[0]!.raw))).toEqual([]);
    expect(findDelivery(scope, delivery.id)?.shareLinkId).toBe(delivery.shareLinkId);
    smtp.received.length = 0;
  });

  it("does nothing harmful without SMTP", async () => {
    const delivery = await createDelivery(
      scope,
      owner.id,
      report.id,
      { cadence: "weekly", weekday: 5, hour: 9, recipients: "d@shop.test", attachCsv: true },
      WEDNESDAY,
    );
    const linksBefore = linksOf(report.id).length;
    const due = delivery.nextRunAt!;
    expect(deliverySchedulerTick(db, due)).toHaveLength(1);
    const job = await runNextJob(undefined, due);
    expect(job?.status).toBe("succeeded");
    expect(job?.result).toMatchObject({ status: "skipped", reason: SMTP_NOT_CONFIGURED });
    expect(englishMessage(findDelivery(scope, delivery.id)?.lastError)).toBe(SMTP_NOT_CONFIGURED);
    expect(linksOf(report.id)).toHaveLength(linksBefore);
    expect(smtp.received).toHaveLength(0);
  });

  it("lets editors manage on the page, not viewers or other workspaces", async () => {
    const path = `/w/shop/reports/${report.id}/delivery`;
    const params = { workspace: "shop", report: String(report.id) };
    const post = (cookie: string, fields: Record<string, string>) =>
      requestAs(cookie, path, { method: "POST", body: new URLSearchParams(fields) });
    const ownerCookie = await cookieFor(owner.id);
    await createDelivery(scope, owner.id, report.id, {
      cadence: "weekly",
      weekday: 5,
      hour: 9,
      recipients: "d@shop.test",
    });
    const monthly = await createDelivery(scope, owner.id, report.id, {
      cadence: "monthly",
      day: 3,
      hour: 7,
      recipients: "e@shop.test",
    });
    db.update(schema.shareLinks)
      .set({ revokedAt: new Date() })
      .where(eq(schema.shareLinks.id, monthly.shareLinkId!))
      .run();
    const page = await settle(() =>
      deliveryPage.loader({ request: requestAs(ownerCookie, path), params, context }),
    );
    expect(page.status).toBe(200);
    const body = page.body as Awaited<ReturnType<typeof deliveryPage.loader>>;
    expect(body.smtpConfigured).toBe(false);
    expect(body.canManage).toBe(true);
    expect(body.deliveries.map((d) => englishMessage(d.inWords))).toContain(
      "Every Friday at 09:00 (Europe/Istanbul)",
    );
    const revoked = body.deliveries.find(
      (d) => englishMessage(d.inWords) === "Monthly on the 3rd at 07:00 (Europe/Istanbul)",
    );
    expect(revoked?.linkOff).toBe("the delivery's link was revoked");

    // Without SMTP the form is refused with the variable to set.
    const fields = {
      intent: "create",
      cadence: "weekly",
      weekday: "1",
      hour: "9",
      recipients: "a@x.test",
    };
    const refused = await settle(() =>
      deliveryPage.action({ request: post(ownerCookie, fields), params, context }),
    );
    expect(refused.status).toBe(400);
    expect((refused.body as { errors: { form: string } }).errors.form).toMatch(/SMTP_URL/);

    const viewer = await settle(async () =>
      deliveryPage.action({
        request: post(await cookieFor(viewerId), { intent: "pause", id: String(revoked?.id) }),
        params,
        context,
      }),
    );
    expect(viewer.status).toBe(403);
    const outsider = await settle(async () =>
      deliveryPage.loader({
        request: requestAs(await cookieFor(stranger.id), path),
        params,
        context,
      }),
    );
    expect(outsider.status).toBe(404);

    const paused = await settle(() =>
      deliveryPage.action({
        request: post(ownerCookie, { intent: "pause", id: String(revoked?.id) }),
        params,
        context,
      }),
    );
    expect(paused.status).toBe(200);
    expect(findDelivery(scope, revoked!.id)?.pausedAt).not.toBeNull();
    const audited = db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.target, String(revoked!.id)))
      .all()
      .map((a) => a.action);
    expect(audited).toEqual(expect.arrayContaining(["delivery.create", "delivery.pause"]));
  });
});
