# S000-pod: the seed's Pod `app` is rejected for its label list; fixed, its liveness probe kills it into CrashLoopBackOff
# zh: 种子里的 Pod `app` 把 labels 写成了列表而被拒绝；改成映射后，存活探针一直失败，容器反复重启并进入 CrashLoopBackOff
cat > app-pod.yaml <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: app
  labels:
    - name: app
spec:
  # hostAliases:
  #   - ip: "10.1.2.3"
  #     hostnames:
  #       - "foo.remote"
  #       - "bar.remote"
  shareProcessNamespace: true
  containers:
    - name: app
      image: app:1.0.0
      imagePullPolicy: Never
      lifecycle:
        postStart:
          exec:
            command: ["/bin/sh", "-c", "echo Hello Test Start> /tmp/mylog"]
        preStop:
          exec:
            command: ["/bin/sh", "-c", "echo Hello Test End> /tmp/app/mylog"]
      volumeMounts:
        - mountPath: /tmp/app
          name: app-volume
      ports:
        - containerPort: 8080
          hostPort: 8080
      livenessProbe:
        exec:
          command:
            - cat
            - /tmp/app/healthy
        initialDelaySeconds: 5
        periodSeconds: 5
  volumes:
    - name: app-volume
      emptyDir: {}
EOF
# As written: labels is a list, but metadata.labels must be a map (key: value).
kubectl apply -f app-pod.yaml
# Fixed: `- name: app` becomes `name: app`; everything else as in the seed.
cat > app-pod.yaml <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: app
  labels:
    name: app
spec:
  shareProcessNamespace: true
  containers:
    - name: app
      image: app:1.0.0
      imagePullPolicy: Never
      lifecycle:
        postStart:
          exec:
            command: ["/bin/sh", "-c", "echo Hello Test Start> /tmp/mylog"]
        preStop:
          exec:
            command: ["/bin/sh", "-c", "echo Hello Test End> /tmp/app/mylog"]
      volumeMounts:
        - mountPath: /tmp/app
          name: app-volume
      ports:
        - containerPort: 8080
          hostPort: 8080
      livenessProbe:
        exec:
          command:
            - cat
            - /tmp/app/healthy
        initialDelaySeconds: 5
        periodSeconds: 5
  volumes:
    - name: app-volume
      emptyDir: {}
EOF
kubectl apply -f app-pod.yaml
kubectl get pod app
sleep 25
# postStart wrote /tmp/mylog; the first liveness kill ran preStop, which wrote into the emptyDir.
kubectl exec app -- cat /tmp/mylog
kubectl exec app -- cat /tmp/app/mylog
kubectl exec app -- wget -qO- localhost:8080
sleep 65
kubectl get pod app
sleep 110
kubectl get pod app
sleep 130
kubectl get pod app
kubectl get pod app -o jsonpath='{.status.containerStatuses[0].state.waiting.message}'
kubectl describe pod app
