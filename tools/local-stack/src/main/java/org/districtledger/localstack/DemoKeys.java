package org.districtledger.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * The key pair of the local run's demo identity: generated at first start into the data folder (the private key
 * readable by its owner only), read again on later starts. The services verify tokens with the public key; the
 * demo sign-in and the run command's own tools sign with the private one. Never used in production.
 */
public record DemoKeys(Path privateKeyFile, String privateKeyPem, String publicKeyBase64) {

    /** Reads the key pair in the folder, or generates it there first. */
    public static DemoKeys in(Path folder) {
        Path privateKey = folder.resolve("demo-private-key.pem");
        Path publicKey = folder.resolve("demo-public-key.pem");
        try {
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                Files.createDirectories(folder);
                KeyPair pair = KeyPairGenerator.getInstance("RSA").genKeyPair();
                Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(
                        privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                try {
                    Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without POSIX permissions keeps its defaults
                }
            }
            String publicPem = Files.readString(publicKey, StandardCharsets.US_ASCII);
            return new DemoKeys(privateKey, Files.readString(privateKey, StandardCharsets.US_ASCII), body(publicPem));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the demo identity's keys in " + folder, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The environment that starts a service with the demo identity: the local profile (which the production
     * profile refuses), the public key to verify tokens with, and the private key to sign the demo users in.
     */
    public Map<String, String> serviceEnvironment() {
        return Map.of(
                "QUARKUS_PROFILE",
                "local",
                "QUARKUS_OIDC_PUBLIC_KEY",
                publicKeyBase64,
                "SMALLRYE_JWT_SIGN_KEY_LOCATION",
                privateKeyFile.toAbsolutePath().toUri().toString());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** The base64 body of a PEM block, without its header, footer and line ends. */
    private static String body(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
