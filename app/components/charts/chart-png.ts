/**
 * "Download PNG" of a chart: nivo draws SVG, so the chart's <svg> is serialised, loaded as an
 * image from a same-page blob (CSP img-src allows blob:) and drawn on a white canvas at twice
 * its size, so the picture stays sharp in slides. Browser only.
 */
import { fileSlug } from "~/delivery/delivery-mail";

const SCALE = 2;

export async function downloadChartPng(container: HTMLElement, name: string): Promise<void> {
  // The chart itself is the widest SVG: legend symbols and icons are small ones.
  const svgs = [...container.querySelectorAll("svg")];
  const svg = svgs.sort((a, b) => b.clientWidth - a.clientWidth)[0];
  if (!svg) return;
  const width = svg.clientWidth;
  const height = svg.clientHeight;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  const source = new XMLSerializer().serializeToString(copy);
  const url = URL.createObjectURL(new Blob([source], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("The chart could not be drawn"));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = width * SCALE;
    canvas.height = height * SCALE;
    const context = canvas.getContext("2d");
    if (!context) return;
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(SCALE, SCALE);
    context.drawImage(image, 0, 0, width, height);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!png) return;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(png);
    link.download = `${fileSlug(name).replace(/^report$/, "chart")}.png`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  } finally {
    URL.revokeObjectURL(url);
  }
}
