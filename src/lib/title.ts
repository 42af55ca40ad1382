/** The map's title: page heading, embed bar, export default, iframe titles and oEmbed. */
export const MAP_TITLE = 'Khojaly, February 1992 and after';
