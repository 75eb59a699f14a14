module.exports = "file-mock";
