// The smallest possible extension: the benchmark times activating it next to ours.
exports.activate = () => ({});
