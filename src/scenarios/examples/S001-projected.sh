# S001-projected: Secret, ConfigMap and the Downward API as env and as a projected volume; after an edit the files change, the env does not
# zh: Secret、ConfigMap 与 Downward API 以环境变量和投射卷两种方式注入；修改之后卷里的文件会更新，环境变量不会
kubectl create secret generic user --from-literal=username=admin --from-literal=password=c1oudc0w!
kubectl create configmap ui-config --from-literal=color=blue --from-literal=theme=dark
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: test-projected-volume
  labels:
    zone: us-est-coast
    cluster: test-cluster1
  annotations:
    build: two
spec:
  containers:
  - name: test-secret-volume
    image: busybox:1.36
    command: ["sh", "-c", "sleep 86400"]
    resources:
      requests:
        cpu: 250m
        memory: 64Mi
      limits:
        cpu: 500m
        memory: 128Mi
    env:
    - name: COLOR
      valueFrom:
        configMapKeyRef:
          name: ui-config
          key: color
    - name: USERNAME
      valueFrom:
        secretKeyRef:
          name: user
          key: username
    - name: MY_NODE_NAME
      valueFrom:
        fieldRef:
          fieldPath: spec.nodeName
    - name: MY_HOST_IP
      valueFrom:
        fieldRef:
          fieldPath: status.hostIP
    - name: MY_POD_IP
      valueFrom:
        fieldRef:
          fieldPath: status.podIP
    - name: MY_SERVICE_ACCOUNT
      valueFrom:
        fieldRef:
          fieldPath: spec.serviceAccountName
    - name: MY_ZONE
      valueFrom:
        fieldRef:
          fieldPath: metadata.labels['zone']
    - name: MY_CPU_LIMIT
      valueFrom:
        resourceFieldRef:
          resource: limits.cpu
          divisor: 1m
    - name: MY_MEM_REQUEST
      valueFrom:
        resourceFieldRef:
          resource: requests.memory
          divisor: 1Mi
    volumeMounts:
    - name: mysql-cred
      mountPath: "/projected-volume"
      readOnly: true
  volumes:
  - name: mysql-cred
    projected:
      sources:
      - secret:
          name: user
      - configMap:
          name: ui-config
      - downwardAPI:
          items:
          - path: name
            fieldRef:
              fieldPath: metadata.name
          - path: namespace
            fieldRef:
              fieldPath: metadata.namespace
          - path: uid
            fieldRef:
              fieldPath: metadata.uid
          - path: labels
            fieldRef:
              fieldPath: metadata.labels
          - path: annotations
            fieldRef:
              fieldPath: metadata.annotations
          - path: cpu_request
            resourceFieldRef:
              containerName: test-secret-volume
              resource: requests.cpu
              divisor: 1m
          - path: mem_limit
            resourceFieldRef:
              containerName: test-secret-volume
              resource: limits.memory
              divisor: 1Mi
EOF
sleep 10
kubectl get pod test-projected-volume
kubectl exec test-projected-volume -- env
kubectl exec test-projected-volume -- ls /projected-volume
kubectl exec test-projected-volume -- cat /projected-volume/username /projected-volume/password
kubectl exec test-projected-volume -- cat /projected-volume/labels
kubectl exec test-projected-volume -- cat /projected-volume/cpu_request /projected-volume/mem_limit
kubectl patch configmap ui-config -p '{"data":{"color":"green"}}'
kubectl label pod test-projected-volume zone=eu-west --overwrite
kubectl exec test-projected-volume -- cat /projected-volume/color
sleep 90
kubectl exec test-projected-volume -- cat /projected-volume/color
kubectl exec test-projected-volume -- cat /projected-volume/labels
kubectl exec test-projected-volume -- printenv COLOR MY_ZONE
