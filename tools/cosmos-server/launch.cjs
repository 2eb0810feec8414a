// Starts @vercel/cosmosdb-server over plain HTTP on 127.0.0.1:<port>, patched so the .NET Cosmos SDK can use it:
//  1. Reading a missing item crashes its handler (500); real Cosmos answers 404, which the SDK needs to see.
//  2. On Linux the SDK asks the gateway for a query plan (x-ms-cosmos-is-query-plan-request), which the
//     server does not know; we answer with a pass-through plan over the single partition range it serves,
//     so the server itself evaluates ORDER BY, TOP and COUNT on the query as written.
// Usage: node launch.cjs <port>. Prints "ready <port>" once listening; in memory only.
"use strict";
const path = require("path");
const lib = path.join(__dirname, "node_modules", "@vercel", "cosmosdb-server", "lib");

// Patched before routes.js is loaded, because it copies each handler when it builds its table.
const readDocument = require(path.join(lib, "handler", "read-document"));
const originalRead = readDocument.default;
readDocument.default = (account, req, res, params) => {
  try {
    return originalRead(account, req, res, params);
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    res.statusCode = 404;
    return { code: "NotFound", message: "Entity with the specified id does not exist in the system." };
  }
};

const passThroughPlan = JSON.stringify({
  partitionedQueryExecutionInfoVersion: 2,
  queryInfo: {
    distinctType: "None", top: null, offset: null, limit: null, orderBy: [], orderByExpressions: [],
    groupByExpressions: [], groupByAliases: [], aggregates: [], groupByAliasToAggregateType: {},
    rewrittenQuery: "", hasSelectValue: false, dCountInfo: null, hasNonStreamingOrderBy: false,
  },
  queryRanges: [{ min: "", max: "FF", isMinInclusive: true, isMaxInclusive: false }],
});

const { createHttpServer } = require(lib);
const port = parseInt(process.argv[2], 10);
if (!(port > 0)) {
  console.error("usage: node launch.cjs <port>");
  process.exit(2);
}
const server = createHttpServer();
const serve = server.listeners("request")[0];
server.removeAllListeners("request");
server.on("request", (req, res) => {
  if (String(req.headers["x-ms-cosmos-is-query-plan-request"]).toLowerCase() === "true") {
    req.resume();
    res.writeHead(200, { "content-type": "application/json", "x-ms-request-charge": "0" });
    res.end(passThroughPlan);
    return;
  }
  serve(req, res);
});
server.listen(port, "127.0.0.1", () => console.log(`ready ${port}`));
