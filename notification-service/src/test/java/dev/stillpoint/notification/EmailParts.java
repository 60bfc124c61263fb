package dev.stillpoint.notification;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Finds a part of a received email. */
public final class EmailParts {

    private EmailParts() {
    }

    public static String text(Part message) throws Exception {
        return find(message, "text/plain");
    }

    public static String html(Part message) throws Exception {
        return find(message, "text/html");
    }

    private static String find(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

}
