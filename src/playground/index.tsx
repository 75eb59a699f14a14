/**
 * The playground entry (placeholder): the page itself says what it is and links to the setup guide.
 * The real playground (task pane app over an .xlsx file) replaces this file.
 */
export {};
