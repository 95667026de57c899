import { minimatch } from "minimatch";

const CONFIG = "labeler.yml";

/**
 * @param {import('probot').Probot} app
 */
export default (app) => {
  app.on(["pull_request.opened", "pull_request.synchronize"], async (context) => {
    const config = await context.config(CONFIG, { rules: [] });
    const files = await context.octokit.paginate(
      context.octokit.pulls.listFiles,
      context.pullRequest({ per_page: 100 }),
    );
    const labels = new Set();
    for (const rule of config.rules) {
      if (files.some((f) => rule.paths.some((p) => minimatch(f.filename, p)))) {
        labels.add(rule.label);
      }
    }
    if (labels.size) {
      await context.octokit.issues.addLabels(context.issue({ labels: [...labels] }));
    }
  });

  app.on("push", async (context) => {
    if (context.payload.ref !== `refs/heads/${context.payload.repository.default_branch}`) return;
    app.log.info({ repo: context.payload.repository.full_name }, "labeler config may have changed");
  });
};
