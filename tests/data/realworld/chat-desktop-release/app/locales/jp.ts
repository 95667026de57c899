import type { PartialLocaleType } from "./index";

const jp: PartialLocaleType = {
  Auth: {
    Title: "パスワードが必要です",
    Tips: "管理者がパスワード認証を有効にしています。下にアクセスコードを入力してください",
    Input: "ここにアクセスコードを入力",
    Confirm: "確認",
  },
  Settings: {
    Access: {
      AccessCode: {
        Title: "アクセスパスワード",
        SubTitle: "管理者が暗号化アクセスを有効にしています",
        Placeholder: "アクセスパスワードを入力してください",
      },
      Password: "パスワード",
      Token: "トークン",
    },
  },
};

export default jp;
