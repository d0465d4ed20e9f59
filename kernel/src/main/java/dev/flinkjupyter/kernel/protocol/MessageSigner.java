package dev.flinkjupyter.kernel.protocol;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Signs and checks messages with the connection file's key (HMAC over header, parent header,
 * metadata and content). An empty key means signing is off, as in Jupyter.
 */
public final class MessageSigner {
    private final Mac mac;

    public MessageSigner(String scheme, String key) {
        if (key == null || key.isEmpty()) {
            this.mac = null;
            return;
        }
        String algorithm = switch (scheme) {
            case "hmac-sha256" -> "HmacSHA256";
            case "hmac-sha512" -> "HmacSHA512";
            case "hmac-sha1" -> "HmacSHA1";
            case "hmac-md5" -> "HmacMD5";
            default -> throw new IllegalArgumentException("unsupported signature_scheme " + scheme);
        };
        try {
            mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up " + algorithm, e);
        }
    }

    /** The hex signature of the four signed frames, or "" when signing is off. */
    public synchronized String sign(List<byte[]> frames) {
        if (mac == null) {
            return "";
        }
        for (byte[] frame : frames) {
            mac.update(frame);
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Whether {@code signature} is right for the frames; compared in constant time. */
    public boolean verify(String signature, List<byte[]> frames) {
        if (mac == null) {
            return true;
        }
        return MessageDigest.isEqual(sign(frames).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
