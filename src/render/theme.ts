// The look of every rendered diagram: Mermaid's `base` theme with a calm palette that prints well,
// and a font stack whose first entries exist (or have metric twins) on Linux, macOS and Windows,
// so that text measured here fits its boxes on the reader's machine too. Japanese falls back per
// glyph to the CJK fonts of each platform.

export const FONT_STACK = 'Arial, "Liberation Sans", Helvetica, "Noto Sans CJK JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo, "Noto Sans", sans-serif';

export function mermaidConfig(): Record<string, unknown> {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'base',
    // Plain SVG text (no <foreignObject> HTML): the SVG works in slides, PDF and image viewers.
    htmlLabels: false,
    deterministicIds: true,
    // Edge labels: an opaque background so that the line does not strike through the text.
    // Gantt grid lines: d3 draws them in the text colour; keep them light so they do not cross
    // the task names.
    themeCSS: '.edgeLabel rect.background, .edgeLabel rect { opacity: 1 !important; fill: #ffffff !important; }'
      + ' .grid .tick line { stroke: #e3e7ee !important; }'
      // The month labels of the gantt axis: d3 sets 10px, too small once printed.
      + ' .grid .tick text { font-size: 13px !important; }',
    fontFamily: FONT_STACK,
    flowchart: {
      htmlLabels: false, useMaxWidth: false, curve: 'basis', nodeSpacing: 28, rankSpacing: 56,
      padding: 14, wrappingWidth: 210, diagramPadding: 12, subGraphTitleMargin: { top: 6, bottom: 6 },
    },
    gantt: {
      useMaxWidth: false, useWidth: 1180, barHeight: 26, barGap: 8, topPadding: 56, leftPadding: 190,
      rightPadding: 40, gridLineStartPadding: 40, fontSize: 14, sectionFontSize: 14, numberSectionStyles: 3,
    },
    quadrantChart: {
      useMaxWidth: false, chartWidth: 760, chartHeight: 640, titleFontSize: 18, quadrantLabelFontSize: 18,
      pointLabelFontSize: 14, pointRadius: 6, xAxisLabelFontSize: 14, yAxisLabelFontSize: 14,
      quadrantPadding: 8, quadrantTextTopPadding: 8, xAxisPosition: 'bottom',
    },
    themeVariables: {
      fontFamily: FONT_STACK,
      fontSize: '14px',
      background: '#ffffff',
      primaryColor: '#eef4fb',
      primaryTextColor: '#1b2a41',
      primaryBorderColor: '#4a78c2',
      secondaryColor: '#f7f9fc',
      tertiaryColor: '#ffffff',
      lineColor: '#5f6b7a',
      textColor: '#1b2a41',
      titleColor: '#1b2a41',
      clusterBkg: '#f7f9fc',
      clusterBorder: '#b7c3d4',
      edgeLabelBackground: '#ffffff',
      // gantt
      sectionBkgColor: '#f2f5fa',
      altSectionBkgColor: '#ffffff',
      sectionBkgColor2: '#f2f5fa',
      taskBkgColor: '#4a78c2',
      taskBorderColor: '#2f5597',
      taskTextColor: '#ffffff',
      taskTextLightColor: '#ffffff',
      taskTextOutsideColor: '#1b2a41',
      taskTextDarkColor: '#1b2a41',
      taskTextClickableColor: '#1b2a41',
      activeTaskBkgColor: '#dbe7f8',
      activeTaskBorderColor: '#2f5597',
      doneTaskBkgColor: '#5f6368',
      doneTaskBorderColor: '#3c4043',
      critBkgColor: '#c5221f',
      critBorderColor: '#8c1513',
      gridColor: '#dfe3ea',
      excludeBkgColor: '#f7f7f7',
      // quadrant chart
      quadrant1Fill: '#e3f2e6',
      quadrant2Fill: '#fff3e0',
      quadrant3Fill: '#fde8e6',
      quadrant4Fill: '#eef4fb',
      quadrant1TextFill: '#1e7b34',
      quadrant2TextFill: '#a35200',
      quadrant3TextFill: '#a50e0e',
      quadrant4TextFill: '#2f5597',
      quadrantPointFill: '#4a78c2',
      quadrantPointTextFill: '#1f2937',
      quadrantXAxisTextFill: '#3c4043',
      quadrantYAxisTextFill: '#3c4043',
      quadrantTitleFill: '#1b2a41',
      quadrantInternalBorderStrokeFill: '#ffffff',
      quadrantExternalBorderStrokeFill: '#b7c3d4',
    },
  };
}
