export const messages = {
  welcome: "Welcome back",
};
