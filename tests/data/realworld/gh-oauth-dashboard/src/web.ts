import express from "express";
import session from "express-session";
import { App } from "@octokit/app";

// A GitHub App used only to sign people in: every API call below is made with the signed-in person's
// user access token, so the dashboard sees exactly the pull requests that person can see.
const gh = new App({
  appId: process.env.GH_APP_ID!,
  privateKey: process.env.GH_APP_PRIVATE_KEY!,
  oauth: {
    clientId: process.env.GH_APP_CLIENT_ID!,
    clientSecret: process.env.GH_APP_CLIENT_SECRET!,
  },
});

const web = express();
web.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

web.get("/login", (_req, res) => {
  const { url } = gh.oauth.getWebFlowAuthorizationUrl({ redirectUrl: "https://reviews.kestrel-labs.io/callback" });
  res.redirect(url);
});

web.get("/callback", async (req, res) => {
  const { authentication } = await gh.oauth.createToken({ code: String(req.query.code) });
  req.session.userToken = authentication.token;
  res.redirect("/");
});

web.get("/", async (req, res) => {
  if (!req.session.userToken) return res.redirect("/login");
  const octokit = await gh.oauth.getUserOctokit({ token: req.session.userToken });
  const { data } = await octokit.request("GET /search/issues", {
    q: "is:open is:pr review-requested:@me",
  });
  res.json(data.items.map((i: { title: string; html_url: string }) => ({ title: i.title, url: i.html_url })));
});

web.listen(8080);
