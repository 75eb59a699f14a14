/**
 * Build and dev server of the add-in.
 *
 *   npm start                 https://localhost:3000 (taskpane.html, playground.html, assets/, manifest.xml)
 *   npm run build             production build in dist/
 *   OFFICE_JS=local …         serve office.js from @microsoft/office-js instead of Microsoft's CDN
 *                             (or npm run start:local-office-js / build:local-office-js)
 *   ADDIN_URL=https://… npm run build   dist/manifest.xml points at that server instead of localhost
 *
 * Type-checking is `npm run typecheck`; ts-loader only transpiles.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_PORT = 3000;
const DEV_ORIGIN = `https://localhost:${DEV_PORT}`;
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_PACKAGE_DIR = path.join(__dirname, "node_modules", "@microsoft", "office-js", "dist");
/** Relative, like every other URL of the pages, so dist/ also works from a sub-folder of a server. */
const OFFICE_JS_LOCAL_URL = "office-js/office.js";

/** The shell strings (TypeScript) for the static parts of taskpane.html, loaded through tsx. */
function shellStrings() {
  const { require: requireTs } = require("tsx/cjs/api");
  return requireTs("./src/i18n/shell.ts", __filename).shell.vi;
}

function contentSecurityPolicy({ production, localOfficeJs }) {
  const scriptSources = ["'self'"];
  if (!localOfficeJs) scriptSources.push(new URL(OFFICE_JS_CDN).origin);
  const connectSources = ["'self'"];
  // The dev server's live-reload socket.
  if (!production) connectSources.push(`wss://localhost:${DEV_PORT}`);
  return [
    "default-src 'self'",
    `script-src ${scriptSources.join(" ")}`,
    // Fluent UI (Griffel) inserts its styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connectSources.join(" ")}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** dist/manifest.xml for a real server: every dev URL replaced by the add-in's URL (AppDomain: its origin). */
function manifestFor(addinUrl) {
  return (content) => {
    if (!addinUrl) return content;
    const text = content
      .toString("utf8")
      .split(`<AppDomain>${DEV_ORIGIN}</AppDomain>`)
      .join(`<AppDomain>${new URL(addinUrl).origin}</AppDomain>`)
      .split(DEV_ORIGIN)
      .join(addinUrl);
    return Buffer.from(text, "utf8");
  };
}

/** ADDIN_URL (env var) or --env addinUrl=…: where dist/ will be served from, without a trailing slash. */
function checkedAddinUrl(env) {
  const value = env.addinUrl || process.env.ADDIN_URL;
  if (!value) return undefined;
  const url = new URL(value);
  if (url.protocol !== "https:") throw new Error(`ADDIN_URL must be an https URL (Office loads add-ins over https only): ${value}`);
  return url.href.replace(/\/$/, "");
}

/** Trusted certificates from office-addin-dev-certs, or webpack-dev-server's own self-signed one. */
async function httpsServer() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    console.warn(
      [
        "",
        `NOTE: office-addin-dev-certs could not provide a trusted certificate (${reason}).`,
        "      Serving with webpack-dev-server's self-signed certificate instead: browsers and Office will",
        "      not trust it until you do. See README.md › Trusting the development certificate.",
        "",
      ].join("\n"),
    );
    return { type: "https" };
  }
}

function printDevBanner(localOfficeJs) {
  console.log(
    [
      "",
      "Kế hoạch đoàn add-in — dev server",
      `  Task pane    ${DEV_ORIGIN}/taskpane.html`,
      `  Playground   ${DEV_ORIGIN}/playground.html`,
      `  Manifest     ${DEV_ORIGIN}/manifest.xml  (same as ./manifest.xml)`,
      `  office.js    ${localOfficeJs ? `${DEV_ORIGIN}/${OFFICE_JS_LOCAL_URL} (OFFICE_JS=local)` : OFFICE_JS_CDN}`,
      "",
      "Sideload manifest.xml to use it in Excel:",
      "  Windows   share a folder holding manifest.xml, add it under File › Options › Trust Center ›",
      "            Trusted Add-in Catalogs (Show in Menu), restart Excel, Insert › Add-ins › Shared Folder",
      "            (Microsoft 365: Insert › Add-ins › My Add-ins › Upload My Add-in)",
      "  Mac       cp manifest.xml ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/",
      "            then restart Excel, Insert › Add-ins › My Add-ins",
      "  Web       Home › Add-ins › More Add-ins › My Add-ins › Upload My Add-in › manifest.xml",
      "Then use the ribbon tab “Kế hoạch đoàn”. Details: README.md",
      "",
    ].join("\n"),
  );
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  // OFFICE_JS=local (env var) or --env officeJs=local (works in any shell, e.g. Windows cmd).
  const localOfficeJs = process.env.OFFICE_JS === "local" || env.officeJs === "local";
  const addinUrl = checkedAddinUrl(env);
  const strings = shellStrings();
  const templateParameters = {
    contentSecurityPolicy: contentSecurityPolicy({ production, localOfficeJs }),
    officeJsUrl: localOfficeJs ? OFFICE_JS_LOCAL_URL : OFFICE_JS_CDN,
    shell: strings,
  };

  // Copied files are served as they are: `minimized` keeps the minimizers off them (and off Microsoft's office.js).
  const copies = [
    { from: "assets", to: "assets", info: { minimized: true } },
    { from: "manifest.xml", to: "manifest.xml", transform: manifestFor(addinUrl), info: { minimized: true } },
  ];
  // In the dev server the package folder is served directly (below) instead of copied into memory.
  if (localOfficeJs && !serving) {
    copies.push({
      from: OFFICE_JS_PACKAGE_DIR,
      to: "office-js",
      globOptions: { ignore: ["**/*.debug.js", "**/office-vsdoc.js", "**/*.d.ts"] },
      info: { minimized: true },
    });
  }

  /** @type {import("webpack").Configuration} */
  const config = {
    mode: production ? "production" : "development",
    // Webviews of supported Office versions (WebView2, Safari/WKWebView, browsers for Excel on the web) run ES2020.
    // Internet Explorer and EdgeHTML webviews cannot parse the bundle: taskpane.html then shows its static notice.
    target: ["web", "es2020"],
    // No eval-based source maps: the pages' CSP has no 'unsafe-eval', in development either.
    devtool: production ? "source-map" : "cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      playground: "./src/playground/index.tsx",
    },
    output: {
      path: path.join(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      // Lazy chunks (exceljs, loaded only when files are merged) load from where the entry script came from.
      chunkFilename: production ? "chunks/[name].[contenthash:8].js" : "chunks/[name].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: { extensions: [".tsx", ".ts", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              // tsconfig is for type-checking only (noEmit).
              compilerOptions: { noEmit: false, sourceMap: true },
            },
          },
        },
        { test: /\.(png|svg|jpe?g|gif)$/, type: "asset/resource", generator: { filename: "assets/[name].[contenthash:8][ext]" } },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: "async",
        cacheGroups: {
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", chunks: "async", priority: 20, enforce: true },
        },
      },
    },
    performance: {
      // Budget for the task pane's initial JS (DESIGN.md: under 250 KB gzipped, i.e. about 900 KB minified).
      hints: production ? "warning" : false,
      maxEntrypointSize: 900 * 1024,
      maxAssetSize: 2 * 1024 * 1024,
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith("office-js/"),
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters,
      }),
      new HtmlWebpackPlugin({
        filename: "playground.html",
        template: "./src/playground/index.html",
        chunks: ["playground"],
        templateParameters,
      }),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    devServer: {
      host: "localhost",
      port: DEV_PORT,
      // Office (desktop and web) fetches the pages and icons cross-origin.
      headers: { "Access-Control-Allow-Origin": "*" },
      open: false,
      hot: true,
      client: { overlay: { errors: true, warnings: false }, webSocketURL: `wss://localhost:${DEV_PORT}/ws` },
      static: localOfficeJs ? [{ directory: OFFICE_JS_PACKAGE_DIR, publicPath: "/office-js", watch: false }] : false,
      onListening: () => printDevBanner(localOfficeJs),
    },
  };
  if (serving) config.devServer.server = await httpsServer();
  return config;
};
