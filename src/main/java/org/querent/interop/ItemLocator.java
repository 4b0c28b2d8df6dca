package org.querent.interop;

/**
 * How a row names its item; any part may be null. Matched in this order: key, path, image or audio, text.
 *
 * @param itemKey Querent's item key (path, or path#row)
 * @param path    a path relative to the dataset folder
 * @param image   an image reference: a path, a URL or an upload name
 * @param audio   an audio reference, as an image's
 * @param text    the item's text
 */
public record ItemLocator(String itemKey, String path, String image, String audio, String text) {
    /** How the row names its item, for messages. */
    public String describe() {
        if (itemKey != null) {
            return "item_key '" + itemKey + "'";
        }
        if (path != null) {
            return "path '" + path + "'";
        }
        if (image != null) {
            return "image '" + abbreviate(image) + "'";
        }
        if (audio != null) {
            return "audio '" + abbreviate(audio) + "'";
        }
        return text == null ? "no item" : "text '" + abbreviate(text) + "'";
    }

    private static String abbreviate(String s) {
        String flat = s.replace('\n', ' ').replace('\r', ' ');
        return flat.length() <= 40 ? flat : flat.substring(0, 37) + "...";
    }
}
